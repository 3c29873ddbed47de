/**
 * Writing a file the user named (`why-not --save`): never over one of the
 * files it was made from, never over any existing file unless told to
 * (`--force`), and all at once: the text goes to a temporary file beside the
 * target, which then takes the target's name, so a reader never sees half a file.
 */
import { linkSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { displayPath } from '../load/load-files.js';

/** The same file on disk, whatever the path says (links, `..`, another spelling). */
function sameFile(a: string, b: string): boolean {
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return resolve(a) === resolve(b);
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}

/** Write `text` to `target`; a message saying why not, or undefined when written. */
export function saveFile(target: string, text: string, o: { sources: readonly string[]; force?: boolean; option: string }): string | undefined {
  const source = o.sources.find((s) => sameFile(s, target));
  if (source) return `${o.option} ${target} would overwrite ${displayPath(source)}, which the new file is made from; choose another name`;
  if (!o.force && exists(target)) return `${o.option} ${target}: the file exists; choose another name, or add --force to replace it`;
  const temporary = join(dirname(resolve(target)), `.${basename(target)}.${process.pid}.tmp`);
  let written = false;
  try {
    writeFileSync(temporary, text, { flag: 'wx' });
    written = true;
    // Without --force, a file made meanwhile is not replaced either: link fails if the name is taken.
    if (o.force) renameSync(temporary, target);
    else linkSync(temporary, target);
    return undefined;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    return code === 'EEXIST' && exists(target) && !o.force
      ? `${o.option} ${target}: the file exists; choose another name, or add --force to replace it`
      : `cannot write ${target} (${code})`;
  } finally {
    if (written) rmSync(temporary, { force: true });
  }
}
