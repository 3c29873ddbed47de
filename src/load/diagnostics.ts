/**
 * Diagnostics are data: {code, file, line, column, pointer, message, hint}.
 * One renderer words them. Near-miss suggestions ("RSU"? did you mean "RUS"?)
 * come from edit distance. Pure.
 */
import { safeText } from '../core/safe-text.js';
import { MAX_ID_LENGTH } from '../schema/common.js';
import { compareText } from '../core/compare-text.js';

export interface Diagnostic {
  code: string;
  file: string;
  line: number;
  column: number;
  /** JSON Pointer to the offending value (/events/0/attacker). */
  pointer: string;
  /** The field as a path a person can read (events.offensive.attacker). */
  field: string;
  message: string;
  hint?: string;
  /** Only on a `too-many-problems` entry (never printed as such: the renderer adds its count to the closing line). */
  hidden?: number;
}

/** Problems reported at most, per file and in all: a file can be written to hold a million. */
export const MAX_DIAGNOSTICS = 100;
/** Characters in an id, code or name (the schema refuses longer ones); longer values get no "did you mean". */
export { MAX_ID_LENGTH };
/** Characters of a value echoed in a message before it is cut short. */
const MAX_ECHO = 80;

/** Every diagnostic code casus gives, with what it means (one invalid fixture each in tests/fixtures/invalid). */
export const DIAGNOSTIC_CODES = {
  // reading and parsing (src/load/parse-source.ts, load-files.ts)
  'unreadable-file': 'the file or folder is missing, or is not a regular file',
  'file-too-large': 'the file is over the size limit; refused from its size, unread',
  'not-utf8': 'the bytes are not UTF-8 text',
  'too-deep': 'values nest deeper than the limit',
  'too-many-aliases': 'YAML aliases expand more often than the limit (an alias bomb)',
  'yaml-syntax': 'the text is not well-formed YAML or JSON',
  'duplicate-key': 'one mapping names the same field twice',
  'forbidden-key': '__proto__, constructor or prototype as a key or a change path step',
  // shape (src/load/validate-shape.ts)
  'unknown-field': 'a field this kind of file does not have',
  'missing-field': 'a required field is absent',
  'wrong-type': 'a value of the wrong type (a list for text, a number for a date)',
  'invalid-value': 'a word outside its vocabulary (event kind, response, status, operator)',
  'invalid-date': 'a date not written YYYY-MM-DD, or one that does not exist',
  'invalid-format': 'a code, id, clause name, path or address in the wrong form',
  'invalid-name': 'a name chosen by the author (a definition) in the wrong form',
  'too-small': 'an empty list or text, or a number below its range',
  'too-big': 'a number above its range',
  invalid: 'any other shape problem (a fallback: no file is known to reach it)',
  // references across files (src/load/check-references.ts)
  'unknown-state': 'a state code no world file defines',
  'unknown-actor': 'an actor id no world defines',
  'unknown-territory': 'a place that is neither a state nor a territory',
  'unknown-treaty': 'a treaty id no treaty file has',
  'unknown-clause': 'a treaty/clause that does not exist',
  'unknown-party': 'a state or organization that does not exist',
  'unknown-reason-code': 'a reason code no clause tests',
  'unknown-fact': 'a condition reads a fact outside the fact catalogue',
  'unknown-fact-value': 'a condition compares a fact with a value it never takes',
  'fact-value-type': 'a condition compares a fact with a value of the wrong type',
  'operator-needs-list': '"in" or "notIn" with a single value',
  'not-without-code': 'a "not" group without its own code',
  'unknown-definition': 'a reference to a definition the treaty does not have',
  'definition-cycle': 'a definition that refers, through others, to itself (a -> b -> a)',
  'condition-too-large': 'conditions that grow past the node limit once definitions are inlined (a definition bomb)',
  'incomplete-version': 'the first version of a clause without text, source, duty, satisfiedBy or conditions',
  'wording-and-source': 'a later clause version with new words and no source, or a new source and no words',
  'version-gap': 'dates between two versions of a clause that no version covers',
  'request-reads-no-request-fact': 'a test coded "requested" that reads no request fact',
  'unknown-event': 'an event id the scenario does not have',
  'duplicate-id': 'two events, clauses, states, treaties or scenarios with one id',
  'duplicate-entry': 'the same entry twice (a party, a recognition, an expectation)',
  'date-order': 'an interval that runs backwards, or versions out of date order',
  'request-before-event': 'a request dated before its event',
  'response-before-event': 'a response dated before its event',
  'bad-effect-path': 'an effect aimed at something other than the world or a treaty',
  // changes and what-ifs (src/load/check-changes.ts, load-what-if.ts, resolve-base.ts)
  'bad-change-path': 'a change path that leads to nothing',
  'base-outside-folder': "a what-if base outside the what-if's folder",
  'unknown-base': 'a what-if base that does not exist',
  'bad-base': 'a what-if base that is not a data file or has problems of its own',
  'base-cycle': 'what-ifs whose bases come back on themselves',
  // rules folders
  'no-rules': 'a rules folder with no world or treaty files',
} as const satisfies Record<string, string>;


/** A long value as a message shows it: its start, and how long it was. */
export function showValue(text: string): string {
  return text.length <= MAX_ECHO ? text : `${text.slice(0, MAX_ECHO - 20)}… (${text.length} characters)`;
}

/** Every run of more than MAX_ECHO characters without a space, cut short (a 200 KB id must not be echoed whole). */
function shortenLongRuns(text: string): string {
  return text.length <= MAX_ECHO ? text : text.replace(new RegExp(`[^\\s"]{${MAX_ECHO + 1},}`, 'g'), showValue);
}

/** The entry that stands for `count` problems past the limit. */
export function moreProblems(file: string, count: number): Diagnostic {
  return {
    code: 'too-many-problems', file, line: 1, column: 1, pointer: '', field: '', hidden: count,
    message: `${count} more problem${count === 1 ? '' : 's'} in this file, not shown`,
    hint: `only the first ${MAX_DIAGNOSTICS} problems of a file are listed: fix those and run again`,
  };
}

/** The first MAX_DIAGNOSTICS problems, then one entry that counts the rest. */
export function capDiagnostics(diagnostics: Diagnostic[]): Diagnostic[] {
  const real = diagnostics.filter((d) => d.code !== 'too-many-problems');
  const hidden = diagnostics.reduce((n, d) => n + (d.hidden ?? 0), 0);
  if (real.length <= MAX_DIAGNOSTICS && hidden === 0) return diagnostics;
  const more = real.length - Math.min(real.length, MAX_DIAGNOSTICS) + hidden;
  return [...real.slice(0, MAX_DIAGNOSTICS), moreProblems(real[0]?.file ?? diagnostics[0]!.file, more)];
}

/** Damerau-Levenshtein (optimal string alignment) distance, case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const d: number[][] = Array.from({ length: s.length + 1 }, (_, i) => [i, ...Array(t.length).fill(0)]);
  for (let j = 0; j <= t.length; j++) d[0]![j] = j;
  for (let i = 1; i <= s.length; i++) {
    for (let j = 1; j <= t.length; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[s.length]![t.length]!;
}

const sortedLetters = (x: string) => [...x.toLowerCase()].sort().join('');

/**
 * The closest candidates, if close enough to be likely slips: those at the
 * smallest distance, a swap of letters (RSU for RUS) first.
 */
export function nearMisses(value: string, candidates: Iterable<string>): string[] {
  // Past the length of any id, a value is no slip of the keyboard (and its distance would cost seconds).
  if (value.length > MAX_ID_LENGTH) return [];
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  const scored = [...new Set(candidates)]
    .filter((c) => c !== value && Math.abs(c.length - value.length) <= limit)
    .map((c) => ({ c, d: editDistance(value, c) }))
    .filter((x) => x.d <= limit);
  if (!scored.length) return [];
  const best = Math.min(...scored.map((x) => x.d));
  const letters = sortedLetters(value);
  return scored
    .filter((x) => x.d === best)
    .map((x) => x.c)
    .sort((a, b) => Number(sortedLetters(b) === letters) - Number(sortedLetters(a) === letters) || compareText(a, b))
    .slice(0, 3);
}

export function didYouMean(value: string, candidates: Iterable<string>): string | undefined {
  const misses = nearMisses(value, candidates);
  if (!misses.length) return undefined;
  return `did you mean ${misses.map((m) => `"${m}"`).join(' or ')}?`;
}

/** A short list of what would have been accepted. */
export function listSome(values: readonly string[], max = 8): string {
  const shown = values.slice(0, max).join(', ');
  return values.length > max ? `${shown}, ... (${values.length} in all)` : shown;
}

/** One problem as a line (and a hint): values from files are cut short and their control characters shown, not obeyed. */
export function renderDiagnostic(d: Diagnostic): string {
  const where = `${safeText(d.file)}:${d.line}:${d.column}`;
  const field = d.field ? ` ${shortenLongRuns(safeText(d.field))}:` : '';
  const hint = d.hint ? `\n  hint: ${shortenLongRuns(safeText(d.hint))}` : '';
  return `${where}: error [${d.code}]${field} ${shortenLongRuns(safeText(d.message))}${hint}`;
}

/**
 * Every problem once, in file, line and column order, then the closing count;
 * past MAX_DIAGNOSTICS, the rest are counted, not shown.
 */
export function renderDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const seen = new Set<string>();
  let hidden = 0;
  const unique = diagnostics.filter((d) => {
    if (d.code === 'too-many-problems') {
      hidden += d.hidden ?? 0;
      return false;
    }
    const key = `${d.file}|${d.line}|${d.column}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = unique.sort(
    (a, b) => compareText(a.file, b.file) || a.line - b.line || a.column - b.column || compareText(a.code, b.code),
  );
  const shown = sorted.slice(0, MAX_DIAGNOSTICS);
  const n = sorted.length + hidden;
  const more = n > shown.length ? `\n... and ${n - shown.length} more (only the first ${MAX_DIAGNOSTICS} problems are listed: fix those and run again)` : '';
  return `${shown.map(renderDiagnostic).join('\n')}${more}\n${n} problem${n === 1 ? '' : 's'} found; nothing was run.\n`;
}
