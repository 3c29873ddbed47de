/**
 * `casus export --out DIR`: the classroom page as static files. Open
 * DIR/index.html from disk or put the folder on any web server; the data is a
 * script beside the page, so nothing is fetched.
 */
import { mkdirSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../../load/load-files.js';
import type { Output } from '../output.js';
import { pageFiles, type PageOptions } from '../page-files.js';
import { compareText } from '../../core/compare-text.js';

export interface ExportOptions extends PageOptions {
  out: string;
}

export async function exportCommand(o: ExportOptions): Promise<Output> {
  const page = pageFiles(o);
  if ('exitCode' in page) return page;
  const dir = resolve(o.out);
  try {
    if (!statSync(dir).isDirectory()) return { exitCode: 2, stdout: '', stderr: `casus: --out ${o.out} is a file; name a folder\n` };
  } catch {
    // Not there yet: made below.
  }
  try {
    mkdirSync(dir, { recursive: true });
    for (const [name, file] of [...page.files].sort(([a], [b]) => compareText(a, b))) writeFileSync(join(dir, name), file.body);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return { exitCode: 2, stdout: '', stderr: `casus: cannot write to ${o.out} (${code})\n` };
  }
  const shown = displayPath(dir);
  return {
    exitCode: 0,
    stdout: `casus: wrote the classroom page (${page.files.size} files, ${page.scenarios.length} scenarios) to ${shown}/\n  Open ${join(shown, 'index.html')} in a browser, or put the folder on any web server.\n`,
    stderr: '',
  };
}
