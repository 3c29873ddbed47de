/**
 * The compiled rules cache: the world and treaties of a rules folder, once they
 * have been read, validated and cross-checked without a single problem, saved
 * as JSON so that the next process skips parsing YAML and validating it.
 *
 * Trust: an entry is used only when the key it was written under (a SHA-256 of
 * every rules file's name and bytes, casus's version, and the size and time of
 * the code that validates them) equals the key of the files on disk now, and
 * the SHA-256 of its payload matches the one in its header. Anything else (a
 * stale entry, a truncated or edited file, an unreadable folder) is ignored and
 * the rules are loaded from their files as if there were no cache. Entries are
 * written to a temporary file and renamed into place, so a reader never sees
 * half of one. Writing is best effort: a read-only or full disk only costs the
 * speed-up.
 *
 * Where: `$CASUS_CACHE_DIR` if set; else `$XDG_CACHE_HOME/casus`; else the
 * platform's cache folder (`~/.cache/casus` on Linux, `~/Library/Caches/casus`
 * on macOS, `%LOCALAPPDATA%\casus\Cache` on Windows). `CASUS_NO_CACHE=1` (or
 * `--no-cache`) turns it off. One file per rules folder; a newer entry
 * replaces an older one.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Model } from '../core/simulate.js';

/** Bumped when the payload's layout changes. */
const FORMAT = 1;

let enabledByCaller = true;

/** `--no-cache`: the command line turns the cache off for the commands it runs (and on again when not given). */
export function useRulesCache(enabled: boolean): void {
  enabledByCaller = enabled;
}

/** The cache folder, or undefined when the cache is off. */
export function rulesCacheDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!enabledByCaller) return undefined;
  if (env.CASUS_NO_CACHE && env.CASUS_NO_CACHE !== '0') return undefined;
  if (env.CASUS_CACHE_DIR) return resolve(env.CASUS_CACHE_DIR);
  if (env.XDG_CACHE_HOME) return join(env.XDG_CACHE_HOME, 'casus');
  const home = homedir();
  if (process.platform === 'darwin') return join(home, 'Library', 'Caches', 'casus');
  if (process.platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'casus', 'Cache');
  return join(home, '.cache', 'casus');
}

let codeStamp: string | undefined;

/**
 * casus's version and the code that reads and checks rules (this folder, the
 * schemas and the core they use): a new build, or an edited source under
 * test, makes every entry stale. Sizes and modification times, not contents:
 * a stat per file is enough to notice a change of code.
 */
function codeVersion(): string {
  if (codeStamp !== undefined) return codeStamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const hash = createHash('sha256').update(`format ${FORMAT}\0`);
  try {
    hash.update(readFileSync(join(here, '..', '..', 'package.json')));
  } catch {
    hash.update('no package.json');
  }
  const stamp = (folder: string, name: string): void => {
    let names: string[] = [];
    try {
      names = readdirSync(folder).sort();
    } catch {
      // A missing folder is part of the stamp too.
    }
    for (const entry of names) {
      const path = join(folder, entry);
      try {
        const s = statSync(path);
        if (s.isDirectory()) stamp(path, `${name}/${entry}`);
        else hash.update(`${name}/${entry}\0${s.size}\0${s.mtimeMs}\0`);
      } catch {
        hash.update(`${name}/${entry}\0?\0`);
      }
    }
  };
  for (const dir of ['load', 'schema', 'core']) stamp(join(here, '..', dir), dir);
  return (codeStamp = hash.digest('hex'));
}

/** The key an entry must carry: the rules files (their names within the folder and their bytes) and the code version. */
export function rulesCacheKey(files: ReadonlyArray<{ name: string; bytes: Uint8Array }>): string {
  const hash = createHash('sha256').update(codeVersion()).update('\0');
  for (const f of files) hash.update(f.name).update('\0').update(String(f.bytes.byteLength)).update('\0').update(f.bytes).update('\0');
  return hash.digest('hex');
}

function entryPath(dir: string, rulesDir: string): string {
  return join(dir, `rules-${createHash('sha256').update(resolve(rulesDir)).digest('hex').slice(0, 24)}.json`);
}

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** An entry's payload when its header names this key and its hash checks out; else undefined. */
function readEntry(path: string, key: string): unknown {
  try {
    const text = readFileSync(path, 'utf8');
    const newline = text.indexOf('\n');
    if (newline < 0) return undefined;
    const header = JSON.parse(text.slice(0, newline)) as { format?: unknown; key?: unknown; sha256?: unknown };
    if (header.format !== FORMAT || header.key !== key) return undefined;
    const payload = text.slice(newline + 1);
    if (header.sha256 !== sha256(payload)) return undefined;
    return JSON.parse(payload) as unknown;
  } catch {
    return undefined;
  }
}

/** Save a payload under a key: a temporary file renamed into place. Failures are ignored. */
function writeEntry(path: string, key: string, value: unknown): void {
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  try {
    const payload = JSON.stringify(value);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(temporary, `${JSON.stringify({ format: FORMAT, key, sha256: sha256(payload) })}\n${payload}`);
    renameSync(temporary, path);
  } catch {
    rmSync(temporary, { force: true });
  }
}

/** The cached model for this folder and key, or undefined (no entry, another key, damaged, unreadable). */
export function readCachedRules(rulesDir: string, key: string, dir = rulesCacheDir()): Model | undefined {
  if (dir === undefined) return undefined;
  const model = readEntry(entryPath(dir, rulesDir), key) as Model | undefined;
  if (typeof model !== 'object' || model === null || !Array.isArray(model.treaties) || typeof model.world !== 'object' || model.world === null) return undefined;
  return model;
}

/** Save the model under the key. */
export function writeCachedRules(rulesDir: string, key: string, model: Model, dir = rulesCacheDir()): void {
  if (dir !== undefined) writeEntry(entryPath(dir, rulesDir), key, model);
}

/**
 * Checked scenarios, saved beside the rules: a scenario file that loaded
 * without a problem against rules that did is saved as its checked value, so
 * the next run skips its YAML and its checks. The key covers the scenario's
 * bytes and the rules' key (which covers the code): any change to either, and
 * the entry is stale. Same header, same trust as the rules' entries. They live
 * in the `scenarios` folder of the cache, one file per scenario path.
 */
function scenarioEntryPath(dir: string, file: string): string {
  return join(dir, 'scenarios', `${createHash('sha256').update(resolve(file)).digest('hex').slice(0, 24)}.json`);
}

export function scenarioCacheKey(rulesKey: string, bytes: Uint8Array): string {
  return createHash('sha256').update(`scenario ${rulesKey}\0`).update(bytes).digest('hex');
}

export function readCachedScenario(file: string, key: string, dir = rulesCacheDir()): unknown {
  if (dir === undefined) return undefined;
  const value = readEntry(scenarioEntryPath(dir, file), key) as { events?: unknown } | undefined;
  return typeof value === 'object' && value !== null && Array.isArray(value.events) ? value : undefined;
}

export function writeCachedScenario(file: string, key: string, value: unknown, dir = rulesCacheDir()): void {
  if (dir !== undefined) writeEntry(scenarioEntryPath(dir, file), key, value);
}
