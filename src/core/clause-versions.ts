/**
 * Clause versions as written and as judged (docs/design.md §2). A treaty file
 * declares the tests every clause shares once (`sharedTests`), and a later
 * version of a clause says only what changed: new words, a replaced or added
 * test, a named definition changed or dropped. `resolveTreaty` turns the file
 * into the treaty the core judges, every version complete; it is pure and
 * reports what it cannot resolve as located problems, never by throwing.
 */
import type {
  Clause, ClauseInFile, ClauseVersion, ClauseVersionInFile, Condition, TopCondition, Treaty, TreatyFile,
} from '../schema/treaty.js';
import { isActiveOn } from './dates.js';

export interface ResolveProblem {
  code: string;
  /** Where in the file: the path of the field at fault. */
  path: Array<string | number>;
  message: string;
  hint?: string;
}

type Definitions = Record<string, Condition>;
const WORDING = ['text', 'language', 'translation', 'paraphrase'] as const;
const INHERITED = ['duty', 'satisfiedBy', 'discretion', 'note'] as const;

const isGroup = (c: Condition): c is Extract<Condition, { all: unknown } | { any: unknown } | { not: unknown }> =>
  'all' in c || 'any' in c || 'not' in c;

/** Apply `f` to the outermost node carrying `code`; undefined when no node carries it. */
function atCode(condition: Condition, code: string, f: (c: Condition) => Condition): Condition | undefined {
  if ('code' in condition && condition.code === code) return f(condition);
  const list = 'all' in condition ? condition.all : 'any' in condition ? condition.any : undefined;
  if (list) {
    for (let i = 0; i < list.length; i++) {
      const hit = atCode(list[i]!, code, f);
      if (!hit) continue;
      const replaced = list.map((c, k) => (k === i ? hit : c));
      return ('all' in condition ? { ...condition, all: replaced } : { ...condition, any: replaced }) as Condition;
    }
    return undefined;
  }
  if ('not' in condition) {
    const hit = atCode(condition.not, code, f);
    return hit && { ...condition, not: hit };
  }
  return undefined;
}

/** Drop references to dropped definitions from groups (a limb no longer part of the clause). */
function prune(condition: Condition, dropped: ReadonlySet<string>): Condition {
  if ('all' in condition) return { ...condition, all: condition.all.filter((c) => !refersTo(c, dropped)).map((c) => prune(c, dropped)) };
  if ('any' in condition) return { ...condition, any: condition.any.filter((c) => !refersTo(c, dropped)).map((c) => prune(c, dropped)) };
  if ('not' in condition) return { ...condition, not: prune(condition.not, dropped) };
  return condition;
}
const refersTo = (c: Condition, names: ReadonlySet<string>) => 'condition' in c && names.has(c.condition);

/** The shared tests first, then the clause's own. */
function withShared(shared: readonly Condition[] | undefined, own: TopCondition): TopCondition {
  if (!shared?.length) return own;
  return 'all' in own ? { all: [...shared, ...own.all] } : { all: [...shared, own] };
}

function resolveVersion(
  v: ClauseVersionInFile, prev: ClauseVersion | undefined, next: ClauseVersionInFile | undefined,
  file: TreatyFile, at: Array<string | number>, problems: ResolveProblem[],
): ClauseVersion | undefined {
  if (!prev) {
    const missing = (['text', 'source', 'duty', 'satisfiedBy', 'conditions'] as const).filter((k) => v[k] === undefined);
    if (missing.length) {
      problems.push({ code: 'incomplete-version', path: at, message: `the first version of a clause needs ${missing.join(', ')}`, hint: 'only later versions inherit from the version before them' });
      return undefined;
    }
  } else if (v.text !== undefined && v.source === undefined) {
    problems.push({ code: 'wording-without-source', path: [...at, 'text'], message: 'new words need their own source', hint: 'give source: { title, url } for this wording' });
  }
  const out: Record<string, unknown> = { from: v.from };
  // Without an `until`, a version runs until the next one begins.
  const until = v.until ?? next?.from;
  if (until !== undefined) out.until = until;
  if (v.dateNote !== undefined) out.dateNote = v.dateNote;
  const wordingFrom: Partial<Pick<ClauseVersion, (typeof WORDING)[number]>> = v.text !== undefined ? v : prev ?? {};
  for (const k of WORDING) if (wordingFrom[k] !== undefined) out[k] = wordingFrom[k];
  out.source = v.source ?? prev?.source;
  for (const k of INHERITED) {
    const value = v[k] ?? prev?.[k];
    if (value !== undefined) out[k] = value;
  }
  let conditions: Condition = v.conditions ? withShared(file.sharedTests, v.conditions) : prev!.conditions;
  // Named definitions: those an earlier version changed, then this version's changes.
  const changed: Definitions = { ...(prev?.definitions ?? {}) };
  const dropped = new Set<string>();
  for (const [name, d] of Object.entries(v.definitions ?? {})) {
    const path = [...at, 'definitions', name];
    const inherited = Object.hasOwn(changed, name) ? changed[name] : file.definitions && Object.hasOwn(file.definitions, name) ? file.definitions[name] : undefined;
    if (d !== null && ('fact' in d || 'condition' in d || isGroup(d as Condition))) changed[name] = d as Condition;
    else if (!inherited) problems.push({ code: 'unknown-definition', path, message: `there is no definition "${name}" to change`, hint: 'a version changes the definitions of its treaty or of the version before it' });
    else if (d === null) dropped.add(name);
    else changed[name] = { ...inherited, ...d } as Condition;
  }
  if (dropped.size) {
    for (const name of dropped) delete changed[name];
    for (const [name, d] of Object.entries({ ...(file.definitions ?? {}), ...changed })) {
      if (dropped.has(name)) continue;
      const pruned = prune(d, dropped);
      if (JSON.stringify(pruned) !== JSON.stringify(d)) changed[name] = pruned;
    }
    conditions = prune(conditions, dropped);
  }
  for (const [code, by] of Object.entries(v.replace ?? {})) {
    const hit = atCode(conditions, code, () => by);
    if (hit) conditions = hit;
    else problems.push({ code: 'unknown-reason-code', path: [...at, 'replace', code], message: `no inherited test carries the reason code "${code}"`, hint: 'replace names the code of a test of the version before (or of the shared tests)' });
  }
  for (const [code, because] of Object.entries(v.words ?? {})) {
    const hit = atCode(conditions, code, (c) => ({ ...c, because }) as Condition);
    if (hit) conditions = hit;
    else problems.push({ code: 'unknown-reason-code', path: [...at, 'words', code], message: `no test of this version carries the reason code "${code}"`, hint: 'words gives the treaty words for an existing test, by its code' });
  }
  if (v.add) conditions = 'all' in conditions ? { all: [...conditions.all, ...v.add] } : { all: [conditions, ...v.add] };
  out.conditions = conditions;
  if (Object.keys(changed).length) out.definitions = changed;
  return out as ClauseVersion;
}

function resolveClause(c: ClauseInFile, file: TreatyFile, at: Array<string | number>, problems: ResolveProblem[]): Clause {
  const versions: ClauseVersion[] = [];
  c.versions.forEach((v, j) => {
    const resolved = resolveVersion(v, versions.at(-1), c.versions[j + 1], file, [...at, 'versions', j], problems);
    if (resolved) versions.push(resolved);
  });
  return { ...c, versions } as Clause;
}

/** The treaty the core judges, from the treaty file. Resolving a treaty already resolved gives it back unchanged. */
export function resolveTreaty(file: TreatyFile): { treaty: Treaty; problems: ResolveProblem[] } {
  const problems: ResolveProblem[] = [];
  const { sharedTests: _shared, clauses, ...rest } = file;
  const resolved = clauses.map((c, i) => resolveClause(c, file, ['clauses', i], problems));
  return { treaty: { ...rest, clauses: resolved }, problems };
}

/**
 * The version of a clause in force on the date, or undefined: before the
 * first version, after the last one's `until`, or in a gap between two, the
 * clause is not in force, and no wording is judged or quoted (issue 14, item 6).
 */
export function versionOn(clause: Pick<Clause, 'versions'>, date: string): ClauseVersion | undefined {
  for (let i = clause.versions.length - 1; i >= 0; i--) {
    const v = clause.versions[i]!;
    if (isActiveOn(v, date)) return v;
  }
  return undefined;
}

/** Dates between two versions that no version covers: reported by validate. */
export function versionGaps(clause: Pick<Clause, 'versions'>): Array<{ index: number; from: string; until: string }> {
  const gaps: Array<{ index: number; from: string; until: string }> = [];
  clause.versions.forEach((v, i) => {
    const next = clause.versions[i + 1];
    if (next && v.until !== undefined && v.until < next.from) gaps.push({ index: i, from: v.until, until: next.from });
  });
  return gaps;
}

/** The version nearest the date, for what a row not in force still names (its duty): the last begun by then, else the first. */
export function nearestVersion(clause: Pick<Clause, 'versions'>, date: string): ClauseVersion {
  return clause.versions.filter((v) => v.from <= date).at(-1) ?? clause.versions[0]!;
}

/** When the clause's versions are in force, in words: "from 1994-04-20 until 2012-12-19, from 2012-12-19". */
export function versionSpans(clause: Pick<Clause, 'versions'>): string {
  return clause.versions.map((v) => `from ${v.from}${v.until ? ` until ${v.until}` : ''}`).join(', ');
}
