/**
 * The classroom page as a fixed set of files: the built page (dist/web, made
 * by `npm run build`) and data.js, made here from the loaded rules and
 * scenarios. `serve` answers from this set and `export` writes it; nothing
 * outside it is ever read or served.
 */
import { readFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { renderDiagnostics } from '../load/diagnostics.js';
import { DEFAULT_RULES_DIR, PACKAGE_ROOT, loadRules, loadScenarios } from '../load/load-files.js';
import { pageDataScript, type PageData } from '../report/page-data.js';
import { loadLessons } from '../load/load-lessons.js';
import type { Output } from './output.js';

export interface PageFile {
  contentType: string;
  body: Buffer;
}

/** Name -> file. Names are flat (no folders): a request either names one exactly or gets 404. */
export type PageFiles = ReadonlyMap<string, PageFile>;

export const WEB_DIR = join(PACKAGE_ROOT, 'dist', 'web');
const BUILT = [
  ['index.html', 'text/html; charset=utf-8'],
  ['casus.js', 'text/javascript; charset=utf-8'],
  ['casus.css', 'text/css; charset=utf-8'],
] as const;

export interface PageOptions {
  rules?: string;
  /** Scenario files or folders; default: the shipped casebook. */
  paths?: string[];
}

export interface Page {
  files: PageFiles;
  /** Scenario ids, in the order the page lists them. */
  scenarios: string[];
}

export function pageFiles(o: PageOptions): Page | Output {
  const rules = loadRules(o.rules ? resolve(o.rules) : DEFAULT_RULES_DIR);
  if (rules.diagnostics.length) return { exitCode: 2, stdout: '', stderr: renderDiagnostics(rules.diagnostics) };
  const paths = o.paths?.length ? o.paths : [join(PACKAGE_ROOT, 'scenarios')];
  const loaded = loadScenarios(paths, rules.model);
  if (loaded.diagnostics.length) return { exitCode: 2, stdout: '', stderr: renderDiagnostics(loaded.diagnostics) };
  if (!loaded.scenarios.length) return { exitCode: 2, stdout: '', stderr: `casus: no scenario files found in ${paths.join(', ')}\n` };
  // The lessons beside the default casebook (scenarios/lessons/), checked against the cases loaded.
  const lessons = o.paths?.length ? { lessons: [], diagnostics: [] } : loadLessons(join(paths[0]!, 'lessons'), rules.model, loaded.scenarios.map((s) => s.value));
  if (lessons.diagnostics.length) return { exitCode: 2, stdout: '', stderr: renderDiagnostics(lessons.diagnostics) };
  const data: PageData = {
    model: rules.model,
    scenarios: loaded.scenarios.map((s) => ({ file: basename(s.source.file), scenario: s.value })),
    lessons: lessons.lessons.map((l) => ({ file: basename(l.source.file), lesson: l.value })),
  };
  const files = new Map<string, PageFile>();
  for (const [name, contentType] of BUILT) {
    try {
      files.set(name, { contentType, body: readFileSync(join(WEB_DIR, name)) });
    } catch {
      return { exitCode: 2, stdout: '', stderr: `casus: the page is not built (${join('dist', 'web', name)} is missing); run "npm run build"\n` };
    }
  }
  files.set('data.js', { contentType: 'text/javascript; charset=utf-8', body: Buffer.from(pageDataScript(data), 'utf8') });
  return { files, scenarios: data.scenarios.map((s) => s.scenario.id) };
}
