/**
 * Diagnostics are data: {code, file, line, column, pointer, message, hint}.
 * One renderer words them. Near-miss suggestions ("RSU"? did you mean "RUS"?)
 * come from edit distance. Pure.
 */

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
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  const scored = [...new Set(candidates)]
    .filter((c) => c !== value)
    .map((c) => ({ c, d: editDistance(value, c) }))
    .filter((x) => x.d <= limit);
  if (!scored.length) return [];
  const best = Math.min(...scored.map((x) => x.d));
  const letters = sortedLetters(value);
  return scored
    .filter((x) => x.d === best)
    .map((x) => x.c)
    .sort((a, b) => Number(sortedLetters(b) === letters) - Number(sortedLetters(a) === letters) || a.localeCompare(b))
    .slice(0, 3);
}

export function nearMiss(value: string, candidates: Iterable<string>): string | undefined {
  return nearMisses(value, candidates)[0];
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

export function renderDiagnostic(d: Diagnostic): string {
  const where = `${d.file}:${d.line}:${d.column}`;
  const field = d.field ? ` ${d.field}:` : '';
  const hint = d.hint ? `\n  hint: ${d.hint}` : '';
  return `${where}: error [${d.code}]${field} ${d.message}${hint}`;
}

/** Every problem once, in file, line and column order, then the closing count. */
export function renderDiagnostics(diagnostics: readonly Diagnostic[]): string {
  const seen = new Set<string>();
  const unique = diagnostics.filter((d) => {
    const key = `${d.file}|${d.line}|${d.column}|${d.code}|${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const sorted = unique.sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.code.localeCompare(b.code),
  );
  const n = sorted.length;
  return `${sorted.map(renderDiagnostic).join('\n')}\n${n} problem${n === 1 ? '' : 's'} found; nothing was run.\n`;
}
