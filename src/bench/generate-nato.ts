/**
 * Generate a research-scale scenario set for the benchmark: the shipped NATO
 * Article 4 case's events repeated until there are `n` of them, written as
 * JSON scenario files of at most `perFile` events each (a file stays under
 * the 2 MiB input limit) into a folder of the caller's choosing, never into
 * the repository. With `effects`, every event also carries one harmless
 * effect (it sets a state's name to the name it already has), so that the
 * cost of an event with effects can be measured on otherwise equal input.
 *
 *   node dist/bench/generate-nato.js OUT_DIR [EVENTS] [--effects]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';
import { PACKAGE_ROOT } from '../load/load-files.js';

const SOURCE = join(PACKAGE_ROOT, 'scenarios', 'nato-article-4-2014-2025.yaml');

export interface GenerateOptions {
  /** Events per file: 250 keeps each JSON file near 0.4 MiB. */
  perFile?: number;
  /** Give every event one effect that changes nothing. */
  effects?: boolean;
}

/** Write the scenario files; returns their paths. */
export function generateNatoEvents(outDir: string, n: number, options: GenerateOptions = {}): string[] {
  const perFile = options.perFile ?? 250;
  const base = parse(readFileSync(SOURCE, 'utf8')) as { id: string; title: string; events: Array<Record<string, unknown>> };
  mkdirSync(outDir, { recursive: true });
  const files: string[] = [];
  for (let first = 0, part = 1; first < n; first += perFile, part++) {
    const events = [];
    for (let i = first; i < Math.min(n, first + perFile); i++) {
      const template = base.events[i % base.events.length]!;
      // Expectations are for `casus test`; a generated set is only run.
      const { expect: _expect, ...event } = template;
      events.push({
        ...event,
        id: `${String(template.id)}-${i + 1}`,
        ...(options.effects ? { effects: [{ set: 'world.states.POL.name', value: 'Poland' }] } : {}),
      });
    }
    const id = `${base.id}-generated-${String(part).padStart(3, '0')}`;
    const path = join(outDir, `${id}.json`);
    writeFileSync(path, JSON.stringify({ id, title: `${base.title} (generated, part ${part})`, events }));
    files.push(path);
  }
  return files;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const [out, count] = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  if (!out) {
    process.stderr.write('usage: node dist/bench/generate-nato.js OUT_DIR [EVENTS] [--effects]\n');
    process.exitCode = 2;
  } else {
    const n = Number(count ?? 5000);
    const files = generateNatoEvents(resolve(out), n, { effects: process.argv.includes('--effects') });
    process.stdout.write(`${n} events in ${files.length} files in ${resolve(out)}\n`);
  }
}
