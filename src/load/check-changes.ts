/**
 * Dry runs of the change syntax (`set`, `add`, `remove` at a dotted path),
 * shared by event `effects` and what-if `changes`: each change is applied in
 * turn with the core's own `applyChanges`, so a path to nothing is found
 * before anything runs, and whatever a change's value breaks (a membership
 * with no state, an unknown code) is pinned on that change. Pure.
 */
import { z } from 'zod';
import { applyChanges, ChangeError, idOf, pathOf } from '../core/changes.js';
import { chronological, type Situation } from '../core/timeline.js';
import type { Change, Scenario } from '../schema/scenario.js';
import { treaty } from '../schema/treaty.js';
import { actor, recognition, state, territory, worldMembership } from '../schema/world.js';
import { didYouMean, listSome, type Diagnostic } from './diagnostics.js';
import { fieldName, validateShape } from './validate-shape.js';
import { FORBIDDEN_KEYS, diagnosticAt, pointerOf, type PathSegment, type SourceFile } from './parse-source.js';
import { checkWorld, vocabularyOf, type Vocabulary } from './check-references.js';

const verbOf = (c: Change) => ('set' in c ? 'set' : 'add' in c ? 'add' : 'remove');

/** The diagnostic for a change whose path leads nowhere. */
function pathProblem(source: SourceFile, at: PathSegment[], field: string, e: ChangeError): Diagnostic {
  if (FORBIDDEN_KEYS.has(e.segment))
    return diagnosticAt(source, 'forbidden-key', at, field, `"${e.segment}" may not be used in a path ("${e.path}")`,
      'a path names fields and list items by id; these words could reach the internals of the program');
  const hint = didYouMean(e.segment, e.known) ?? (e.known.length ? `here there is: ${listSome([...e.known].sort(), 8)}` : undefined);
  return diagnosticAt(source, 'bad-change-path', at, field, `"${e.path}" leads to nothing: ${e.message}`, hint);
}

/** The merged world a timeline's effects change, and the treaties: the same entries as the files, nothing else (a path to a new field leads nowhere). */
const situationShape = z
  .object({
    world: z
      .object({
        states: z.array(state),
        actors: z.array(actor),
        territories: z.array(territory),
        recognitions: z.array(recognition),
        memberships: z.array(worldMembership),
      })
      .strict(),
    treaties: z.array(treaty),
  })
  .strict();

/** Shape problems of a changed value, worded as for a file (located later, on the change). */
export function shapeProblems(schema: z.ZodType, value: unknown, source: SourceFile): Diagnostic[] {
  return validateShape(schema, { ...source, value }).diagnostics;
}

/** Each list of the world and the schema of its entries. */
const WORLD_LISTS = new Map<string, z.ZodType>([
  ['states', state], ['actors', actor], ['territories', territory], ['recognitions', recognition], ['memberships', worldMembership],
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
function referenceProblems(situation: Situation, source: SourceFile, vocab: Vocabulary = vocabularyOf(situation.world, situation.treaties), lists?: string[]): Diagnostic[] {
  const world = lists ? Object.fromEntries(lists.map((l) => [l, situation.world[l as keyof Situation['world']]])) : situation.world;
  return checkWorld({ source: { ...source, value: { world } }, value: world as Situation['world'] }, vocab, ['world']);
}

/** Everything wrong with a situation: its shape, and once it has the right shape, its references. */
function wholeProblems(situation: Situation, source: SourceFile): Diagnostic[] {
  const shape = shapeProblems(situationShape, situation, source);
  return shape.length ? shape : referenceProblems(situation, source);
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
function newProblems(current: Situation, next: Situation, change: Change, source: SourceFile, state: { clean: boolean; vocab?: Vocabulary }): Diagnostic[] {
  const key = (d: Diagnostic) => `${d.code}|${d.pointer}|${d.message}`;
  const scope = scopeOf(change);
  if (!state.clean || scope.kind === 'all') {
    const known = new Set(wholeProblems(current, source).map(key));
    const found = wholeProblems(next, source);
    state.clean = !shapeProblems(situationShape, next, source).length;
    state.vocab = undefined;
    return found.filter((d) => !known.has(key(d)));
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
    const known = new Set(referenceProblems(current, source).map(key));
    state.vocab = vocabularyOf(next.world, next.treaties);
    return referenceProblems(next, source, state.vocab).filter((d) => !known.has(key(d)));
  }
  if (scope.kind === 'treaty') return [];
  state.vocab ??= vocabularyOf(next.world, next.treaties);
  const known = new Set(referenceProblems(current, source, state.vocab, [scope.list]).map(key));
  return referenceProblems(next, source, state.vocab, [scope.list]).filter((d) => !known.has(key(d)));
}

/**
 * Every event's `effects`, applied in date order to the world as it stands on
 * that date: a path to nothing, or an entry the core could not read, is
 * reported on the effect before anything runs. Each change is checked against
 * the entries it touches (newProblems), not by checking the whole world and
 * every treaty again.
 */
export function checkEffects(scenario: Scenario, initial: Situation, source: SourceFile): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // An effect aimed outside the world and the treaties is reported by checkScenario (bad-effect-path).
  const roots = scenario.events.flatMap((e) => (e.effects ?? []).map((c) => pathOf(c).split('.')[0]));
  if (roots.some((r) => r !== 'world' && r !== 'treaties')) return diagnostics;
  if (!roots.length) return diagnostics;
  let situation = initial;
  const detached: SourceFile = { ...source, locate: () => ({ line: 1, column: 1 }) };
  const state = { clean: !shapeProblems(situationShape, initial, detached).length, vocab: undefined as Vocabulary | undefined };
  const indexOf = new Map(scenario.events.map((e, i) => [e, i]));
  for (const event of chronological(scenario.events)) {
    if (!event.effects?.length) continue;
    const i = indexOf.get(event)!;
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
