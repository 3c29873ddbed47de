/**
 * Dry runs of the change syntax (`set`, `add`, `remove` at a dotted path),
 * shared by event `effects` and what-if `changes`: each change is applied in
 * turn with the core's own `applyChanges`, so a path to nothing is found
 * before anything runs, and whatever a change's value breaks (a membership
 * with no state, an unknown code) is pinned on that change. Pure.
 */
import { z } from 'zod';
import { applyChanges, applyEachChange, ChangeError, idOf, pathOf } from '../core/changes.js';
import { chronological, type Situation } from '../core/timeline.js';
import type { Change, Scenario } from '../schema/scenario.js';
import { treaty, type Treaty } from '../schema/treaty.js';
import { actor, declarationOfWar, greatPower, recognition, state, territory, worldMembership } from '../schema/world.js';
import { capDiagnostics, didYouMean, listSome, MAX_DIAGNOSTICS, type Diagnostic } from './diagnostics.js';
import { fieldName, validateShape } from './validate-shape.js';
import { FORBIDDEN_KEYS, diagnosticAt, pointerOf, type PathSegment, type SourceFile } from './parse-source.js';
import { checkTreaty, checkWorld, vocabularyOf, type Vocabulary } from './check-references.js';

const verbOf = (c: Change) => ('set' in c ? 'set' : 'add' in c ? 'add' : 'remove');

/** The diagnostic for a change whose path leads nowhere. */
function pathProblem(source: SourceFile, at: PathSegment[], field: string, e: ChangeError): Diagnostic {
  if (FORBIDDEN_KEYS.has(e.segment))
    return diagnosticAt(source, 'forbidden-key', at, field, `"${e.segment}" may not be used in a path ("${e.path}")`,
      'a path names fields and list items by id; these words could reach the internals of the program');
  const hint = didYouMean(e.segment, e.known) ?? (e.known.length ? `here there is: ${listSome([...e.known].sort(), 8)}` : undefined);
  return diagnosticAt(source, 'bad-change-path', at, field, `"${e.path}" leads to nothing: ${e.message}`, hint);
}

/** The merged world the core reads: every list present (a world file may leave one out; the merged world may not). */
export const mergedWorldShape = z
  .object({
    states: z.array(state),
    actors: z.array(actor),
    territories: z.array(territory),
    recognitions: z.array(recognition),
    memberships: z.array(worldMembership),
    greatPowers: z.array(greatPower),
    declarationsOfWar: z.array(declarationOfWar),
  })
  .strict();

/** The merged world a timeline's effects change, and the treaties: the same entries as the files, nothing else (a path to a new field leads nowhere). */
const situationShape = z.object({ world: mergedWorldShape, treaties: z.array(treaty) }).strict();

/** Shape problems of a changed value, worded as for a file (located later, on the change). */
export function shapeProblems(schema: z.ZodType, value: unknown, source: SourceFile): Diagnostic[] {
  return validateShape(schema, { ...source, value }).diagnostics;
}

/** Each list of the world and the schema of its entries. */
const WORLD_LISTS = new Map<string, z.ZodType>([
  ['states', state], ['actors', actor], ['territories', territory], ['recognitions', recognition], ['memberships', worldMembership],
  ['greatPowers', greatPower], ['declarationsOfWar', declarationOfWar],
]);

/** The lists whose ids other entries name: a change to their ids changes what every reference may name. */
const NAMED_LISTS = ['states', 'actors', 'territories'] as const;

/**
 * The part of the situation a change can affect, found from its path: one
 * entry of a world list (`world.states.POL.name`), one whole world list
 * (`world.memberships`), or one treaty (`treaties.cst.parties`). Anything
 * wider (the whole world, a whole treaty replaced or removed, a new field) is
 * checked as a whole.
 */
type Scope =
  | { kind: 'list'; list: string; item?: string }
  | { kind: 'treaty'; id: string }
  | { kind: 'all' };

function scopeOf(change: Change): Scope {
  const [root, second, third, ...rest] = pathOf(change).split('.');
  if (root === 'world' && second !== undefined && WORLD_LISTS.has(second)) {
    // Removing the entry itself leaves nothing at its place: the list is what changed.
    const entry = third !== undefined && !(verbOf(change) === 'remove' && !rest.length);
    return entry ? { kind: 'list', list: second, item: third } : { kind: 'list', list: second };
  }
  if (root === 'treaties' && second !== undefined && third !== undefined) return { kind: 'treaty', id: second };
  return { kind: 'all' };
}

/** The one item of a list with this id (as a change path names it), or -1. */
function indexById(list: unknown, id: string): number {
  if (!Array.isArray(list)) return -1;
  const index = list.findIndex((x) => idOf(x) === id);
  return index >= 0 && list.findIndex((x, i) => i > index && idOf(x) === id) < 0 ? index : -1;
}

/** Problems a schema finds in a part of the situation, worded as if the whole had been checked. */
function shapeProblemsAt(schema: z.ZodType, situation: Situation, prefix: PathSegment[], source: SourceFile): Diagnostic[] {
  let part: unknown = situation;
  for (const p of prefix) part = (part as Record<string, unknown> | undefined)?.[p as string];
  const outer = fieldName(situation, prefix);
  return shapeProblems(schema, part, source).map((d) => ({
    ...d,
    pointer: pointerOf(prefix) + d.pointer,
    field: !d.field ? outer : d.field.startsWith('[') ? `${outer}${d.field}` : `${outer}.${d.field}`,
  }));
}

/** Reference problems of the whole world against the situation's names (what checkWorld says of it). */
function referenceProblems(situation: Situation, source: SourceFile, vocab: Vocabulary, lists?: string[]): Diagnostic[] {
  const world = lists ? Object.fromEntries(lists.map((l) => [l, situation.world[l as keyof Situation['world']]])) : situation.world;
  return checkWorld({ source: { ...source, value: { world } }, value: world as Situation['world'] }, vocab, ['world']);
}

/**
 * What the checks know while a timeline's effects are applied: whether the
 * situation has the right shape, the names it uses, and the problems of each
 * treaty an effect changed (kept per treaty object while the names stay).
 */
interface CheckState {
  /** The treaties as loaded: the rules' own checks found nothing wrong with them. */
  readonly original: readonly Treaty[];
  clean: boolean;
  vocab?: Vocabulary;
  treatyMemo: WeakMap<Treaty, Diagnostic[]>;
}

/**
 * A treaty an effect changed is checked like a treaty file (a definition cycle,
 * a tree too large, a party that is no state): its problems, named under
 * `treaties.<id>.`. Treaties as loaded were checked with the rules.
 */
function changedTreatyProblems(situation: Situation, source: SourceFile, vocab: Vocabulary, state: CheckState, memo?: WeakMap<Treaty, Diagnostic[]>): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const t of situation.treaties) {
    if (state.original.includes(t)) continue;
    let found = memo?.get(t);
    if (!found) {
      found = checkTreaty({ source: { ...source, value: situation }, value: t }, vocab).map((d) => ({ ...d, field: d.field ? `treaties.${t.id}.${d.field}` : d.field }));
      memo?.set(t, found);
    }
    out.push(...found);
  }
  return out;
}

/** Everything wrong with a situation: its shape, and once it has the right shape, its references and its changed treaties. */
function wholeProblems(situation: Situation, source: SourceFile, state: CheckState): Diagnostic[] {
  const shape = shapeProblems(situationShape, situation, source);
  if (shape.length) return shape;
  const vocab = vocabularyOf(situation.world, situation.treaties);
  return [...referenceProblems(situation, source, vocab), ...changedTreatyProblems(situation, source, vocab, state)];
}
/** Whether the ids that references may name (states, actors, territories, treaties) differ; a list the change left alone is the same array. */
function namesChanged(a: Situation, b: Situation): boolean {
  const differ = (x: unknown, y: unknown) =>
    x !== y && (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length || x.some((item, i) => idOf(item) !== idOf(y[i])));
  return NAMED_LISTS.some((l) => differ(a.world[l], b.world[l])) || differ(a.treaties, b.treaties);
}

/**
 * The problems a change brings that were not there before it: what checking
 * the whole situation before and after would report, found by checking only
 * what the change touched. That holds while the situation before it has the
 * right shape (then nothing outside the touched part can change) and the
 * names that references may use stay the same (else every reference is
 * checked again); otherwise the whole is checked, before and after.
 */
function newProblems(current: Situation, next: Situation, change: Change, source: SourceFile, state: CheckState): Diagnostic[] {
  const scope = scopeOf(change);
  if (!state.clean || scope.kind === 'all') {
    const known = new Set(wholeProblems(current, source, state).map(keyOf));
    const found = wholeProblems(next, source, state);
    forget(state, next, source);
    return found.filter((d) => !known.has(keyOf(d)));
  }
  // The shape of what the change touched: one entry, one list or one treaty.
  let shape: Diagnostic[];
  if (scope.kind === 'list') {
    const index = scope.item === undefined ? -1 : indexById(next.world[scope.list as keyof Situation['world']], scope.item);
    shape = index >= 0
      ? shapeProblemsAt(WORLD_LISTS.get(scope.list)!, next, ['world', scope.list, index], source)
      : shapeProblemsAt(z.array(WORLD_LISTS.get(scope.list)!), next, ['world', scope.list], source);
  } else {
    const index = indexById(next.treaties, scope.id);
    shape = index >= 0 ? shapeProblemsAt(treaty, next, ['treaties', index], source) : shapeProblems(situationShape, next, source);
  }
  if (shape.length) {
    // The situation before had the right shape, so it had no problem of these kinds.
    state.clean = false;
    state.vocab = undefined;
    return shape;
  }
  // References: only the touched list's, unless the names they may use changed.
  if (namesChanged(current, next)) {
    const before = vocabularyOf(current.world, current.treaties);
    const known = new Set([...referenceProblems(current, source, before), ...changedTreatyProblems(current, source, before, state)].map(keyOf));
    state.vocab = vocabularyOf(next.world, next.treaties);
    state.treatyMemo = new WeakMap();
    const found = [...referenceProblems(next, source, state.vocab), ...changedTreatyProblems(next, source, state.vocab, state, state.treatyMemo)];
    return found.filter((d) => !known.has(keyOf(d)));
  }
  state.vocab ??= vocabularyOf(next.world, next.treaties);
  if (scope.kind === 'treaty') {
    // The world and its names are as they were: only the changed treaties' own problems can differ.
    const known = new Set(changedTreatyProblems(current, source, state.vocab, state, state.treatyMemo).map(keyOf));
    return changedTreatyProblems(next, source, state.vocab, state, state.treatyMemo).filter((d) => !known.has(keyOf(d)));
  }
  const known = new Set(referenceProblems(current, source, state.vocab, [scope.list]).map(keyOf));
  return referenceProblems(next, source, state.vocab, [scope.list]).filter((d) => !known.has(keyOf(d)));
}

const keyOf = (d: Diagnostic) => `${d.code}|${d.pointer}|${d.message}`;

/** After a change checked as a whole: what is known of the situation is worked out again. */
function forget(state: CheckState, situation: Situation, source: SourceFile): void {
  state.clean = !shapeProblems(situationShape, situation, source).length;
  state.vocab = undefined;
  state.treatyMemo = new WeakMap();
}

/**
 * Past this many effects in one event, the situation is checked once after all
 * of them, not after each (which costs the size of the world per change: 40,000
 * effects took 91 s), and a problem is placed on the last change whose path
 * leads to it.
 */
const PRECISE_CHANGES = 200;

/** Does a change at `path` lead to the field `field` (or lie under it)? */
function leadsTo(path: string, field: string): boolean {
  return field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`) || path.startsWith(`${field}.`);
}

/** Many effects of one event: applied in one draft, the situation checked before and after them all. */
function applyAllChecked(
  base: Situation,
  changes: readonly Change[],
  source: SourceFile,
  detached: SourceFile,
  pathOfChange: (i: number) => PathSegment[],
  state: CheckState,
): { result: Situation; diagnostics: Diagnostic[] } {
  const known = new Set(wholeProblems(base, detached, state).map(keyOf));
  const { result, errors } = applyEachChange(base, changes);
  const diagnostics = errors.slice(0, MAX_DIAGNOSTICS).map((e) =>
    pathProblem(source, [...pathOfChange(e.index), verbOf(changes[e.index]!)], fieldName(source.value, pathOfChange(e.index)), e));
  const paths = changes.map(pathOf);
  for (const d of wholeProblems(result, detached, state)) {
    if (known.has(keyOf(d))) continue;
    let i = changes.length - 1;
    while (i > 0 && !leadsTo(paths[i]!, d.field)) i--;
    const change = changes[i]!;
    const valueAt = 'value' in change ? [...pathOfChange(i), 'value'] : [...pathOfChange(i), verbOf(change)];
    diagnostics.push(diagnosticAt(source, d.code, valueAt, fieldName(source.value, pathOfChange(i)), `after this change (${verbOf(change)} ${pathOf(change)}), ${d.field || 'the file'}: ${d.message}`, d.hint));
  }
  forget(state, result, detached);
  return { result, diagnostics: capDiagnostics(diagnostics) };
}

/**
 * Every event's `effects`, applied in date order to the world as it stands on
 * that date: a path to nothing, or an entry the core could not read, is
 * reported on the effect before anything runs. Each change is checked against
 * the entries it touches (newProblems), not by checking the whole world and
 * every treaty again. A treaty an effect changed is checked as a treaty file.
 */
export function checkEffects(scenario: Scenario, initial: Situation, source: SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // An effect aimed outside the world and the treaties is reported by checkScenario (bad-effect-path).
  const roots = scenario.events.flatMap((e) => (e.effects ?? []).map((c) => pathOf(c).split('.')[0]));
  if (roots.some((r) => r !== 'world' && r !== 'treaties')) return diagnostics;
  if (!roots.length) return diagnostics;
  let situation = initial;
  const detached: SourceFile = { ...source, locate: () => ({ line: 1, column: 1 }) };
  const state: CheckState = { original: initial.treaties, clean: true, treatyMemo: new WeakMap() };
  forget(state, initial, detached);
  const indexOf = new Map(scenario.events.map((e, i) => [e, i]));
  for (const event of chronological(scenario.events)) {
    if (!event.effects?.length) continue;
    const i = indexOf.get(event)!;
    if (event.effects.length > PRECISE_CHANGES) {
      const r = applyAllChecked(situation, event.effects, source, detached, (j) => ['events', i, 'effects', j], state);
      diagnostics.push(...r.diagnostics);
      situation = r.result;
      continue;
    }
    event.effects.forEach((change, j) => {
      const at: PathSegment[] = ['events', i, 'effects', j, verbOf(change)];
      const field = fieldName(source.value, ['events', i, 'effects', j]);
      let next: Situation;
      try {
        next = applyChanges(situation, [change]).result;
      } catch (e) {
        if (!(e instanceof ChangeError)) throw e;
        diagnostics.push(pathProblem(source, at, field, e));
        return;
      }
      const valueAt = 'value' in change ? ['events', i, 'effects', j, 'value'] : at;
      for (const d of newProblems(situation, next, change, detached, state))
        diagnostics.push(diagnosticAt(source, d.code, valueAt, field, `after this change (${verbOf(change)} ${pathOf(change)}), ${d.field || 'the file'}: ${d.message}`, d.hint));
      situation = next;
    });
  }
  return diagnostics;
}
