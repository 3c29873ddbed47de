/**
 * One schema per file kind: the JSON Schemas committed in schemas/ are exactly
 * what the zod schemas generate, and every shipped YAML file names its schema
 * on its first line, so editors complete and check fields as people type.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { jsonSchemaTexts } from '../src/schema/json-schema.js';
import { ROOT } from './helpers/cli.js';

const generated = jsonSchemaTexts();

describe('the committed JSON Schemas', () => {
  it('are one per file kind: world, treaty, scenario, what-if and lesson', () => {
    expect(Object.keys(generated).sort()).toEqual(['lesson.schema.json', 'scenario.schema.json', 'treaty.schema.json', 'what-if.schema.json', 'world.schema.json']);
    expect(readdirSync(join(ROOT, 'schemas')).sort()).toEqual(Object.keys(generated).sort());
  });

  it.each(Object.keys(generated))('schemas/%s is what the zod schema generates (run npm run schemas after changing src/schema)', (name) => {
    expect(readFileSync(join(ROOT, 'schemas', name), 'utf8')).toBe(generated[name]);
  });

  it('refuse what the runtime check refuses: a leaf condition has no path or params', () => {
    const treaty = JSON.parse(generated['treaty.schema.json']!);
    const text = JSON.stringify(treaty);
    expect(text).toContain('"additionalProperties":false');
    expect(text).not.toMatch(/"path":\{/);
    expect(text).not.toMatch(/"params":\{/);
  });
});

function yamlFilesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? yamlFilesUnder(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

const kindOf = (file: string): string => {
  const rel = relative(ROOT, file);
  if (rel.startsWith(join('rules', 'world'))) return 'world';
  if (rel.startsWith(join('rules', 'treaties'))) return 'treaty';
  if (rel.startsWith(join('scenarios', 'lessons'))) return 'lesson';
  return /^base:/m.test(readFileSync(file, 'utf8')) ? 'what-if' : 'scenario';
};

const shipped = [...yamlFilesUnder(join(ROOT, 'rules')), ...yamlFilesUnder(join(ROOT, 'scenarios'))];

describe('every shipped YAML file', () => {
  it('is found', () => expect(shipped.length).toBeGreaterThanOrEqual(12));
  it.each(shipped.map((f) => [relative(ROOT, f), f] as const))('%s starts with the yaml-language-server line for its kind', (_name, file) => {
    const first = readFileSync(file, 'utf8').split('\n')[0]!;
    const m = /^# yaml-language-server: \$schema=(\S+)$/.exec(first);
    expect(m, first).not.toBeNull();
    const target = resolve(dirname(file), m![1]!);
    expect(relative(ROOT, target)).toBe(join('schemas', `${kindOf(file)}.schema.json`));
    expect(existsSync(target)).toBe(true);
  });
});
