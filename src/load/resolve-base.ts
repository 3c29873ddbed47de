/**
 * Where a what-if's `base` may point. A what-if shared from elsewhere must not
 * make casus read other files on the reader's disk, so a base is followed only
 * inside the what-if's own folder (and below), or, for a what-if kept in a
 * folder named `what-if`, inside the folder that holds it: the scenarios the
 * what-ifs sit beside (scenarios/what-if/x.yaml may name ../x.yaml). Absolute
 * paths, climbs out and links that lead out are refused. Reads the file system.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import { didYouMean } from './diagnostics.js';

/** The folder a what-if's bases must stay in. */
export function scopeOf(whatIfPath: string): string {
  const folder = dirname(resolve(whatIfPath));
  return basename(folder) === 'what-if' ? dirname(folder) : folder;
}

const DATA_FILE = /\.(ya?ml|json)$/i;

/** Is `inner` the folder `outer` or inside it? */
function isInside(outer: string, inner: string): boolean {
  const rel = relative(outer, inner);
  return rel === '' || (!rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel));
}

export type BaseResolution = { path: string } | { code: string; message: string; hint?: string };

/** Where a what-if's `base` points, or why it may not be followed. */
export function resolveBase(whatIfPath: string, base: string): BaseResolution {
  const here = dirname(resolve(whatIfPath));
  const folder = scopeOf(whatIfPath);
  const outside = {
    code: 'base-outside-folder',
    message: `the base "${base}" is outside the what-if's folder`,
    hint: 'put the what-if beside its base scenario (or in a what-if/ folder beside it) and name the base relative to it, e.g. base: armenia-border-2022.yaml',
  };
  if (isAbsolute(base) || base.includes('\0')) return outside;
  const target = resolve(here, base);
  if (!isInside(folder, target)) return outside;
  if (!DATA_FILE.test(target)) return { code: 'bad-base', message: `the base "${base}" is not a .yaml, .yml or .json file` };
  let isFile = false;
  try {
    isFile = statSync(target).isFile();
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ELOOP') return { code: 'bad-base', message: `the base "${base}" is a loop of symbolic links (a link that leads back to itself)` };
    isFile = false;
  }
  if (!isFile) {
    // Near misses among the data files of the folder the base names (within the what-if's folder).
    let names: string[] = [];
    try {
      const near = dirname(target);
      if (isInside(folder, near)) names = readdirSync(near).filter((f) => DATA_FILE.test(f)).map((f) => relative(here, resolve(near, f)).split(sep).join('/'));
    } catch {
      names = [];
    }
    return { code: 'unknown-base', message: `the base "${base}" does not exist`, ...(didYouMean(base, names) ? { hint: didYouMean(base, names)! } : {}) };
  }
  // A link inside the folder may still point elsewhere.
  if (!isInside(realpathSync(folder), realpathSync(target))) return outside;
  return { path: target };
}
