/**
 * Dry runs of the change syntax (`set`, `add`, `remove` at a dotted path),
 * shared by event `effects` and what-if `changes`: each change is applied in
 * turn with the core's own `applyChanges`, so a path to nothing is found
 * before anything runs, and whatever a change's value breaks (a membership
 * with no state, an unknown code) is pinned on that change. Pure.
 */
import { z } from 'zod';
import { applyChanges, applyEachChange, ChangeError, pathOf } from '../core/changes.js';
import { chronological, type Situation } from '../core/timeline.js';
import type { Change, Scenario } from '../schema/scenario.js';
import { treaty } from '../schema/treaty.js';
import { actor, declarationOfWar, greatPower, recognition, state, territory, worldMembership } from '../schema/world.js';
import { capDiagnostics, didYouMean, listSome, MAX_DIAGNOSTICS, type Diagnostic } from './diagnostics.js';
import { fieldName, validateShape } from './validate-shape.js';
import { FORBIDDEN_KEYS, diagnosticAt, type PathSegment, type SourceFile } from './parse-source.js';

/** What a check finds in the changed value, located later on the change that caused it. */
export type ValueCheck<T> = (value: T, source: SourceFile) => Diagnostic[];

const verbOf = (c: Change) => ('set' in c ? 'set' : 'add' in c ? 'add' : 'remove');

/** The diagnostic for a change whose path leads nowhere. */
function pathProblem(source: SourceFile, at: PathSegment[], field: string, e: ChangeError): Diagnostic {
  if (FORBIDDEN_KEYS.has(e.segment))
    return diagnosticAt(source, 'forbidden-key', at, field, `"${e.segment}" may not be used in a path ("${e.path}")`,
      'a path names fields and list items by id; these words could reach the internals of the program');
  const hint = didYouMean(e.segment, e.known) ?? (e.known.length ? `here there is: ${listSome([...e.known].sort(), 8)}` : undefined);
  return diagnosticAt(source, 'bad-change-path', at, field, `"${e.path}" leads to nothing: ${e.message}`, hint);
}

/**
 * Apply `changes` to `base` one at a time, each on the result of those before.
 * A change that cannot be applied is reported and skipped; problems that
 * `check` finds only after a change are reported on that change.
 */
export function applyEachChecked<T extends object>(
  base: T,
  changes: readonly Change[],
  source: SourceFile,
  pathOfChange: (i: number) => PathSegment[],
  check: ValueCheck<T>,
): { result: T; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const key = (d: Diagnostic) => `${d.code}|${d.pointer}|${d.message}`;
  const problemsIn = (value: T) => check(value, { ...source, value, locate: () => ({ line: 1, column: 1 }) });
  if (changes.length > PRECISE_CHANGES) return applyAllChecked(base, changes, source, pathOfChange, problemsIn, key);
  let known = new Set(problemsIn(base).map(key));
  let current = base;
  changes.forEach((change, i) => {
    const at = [...pathOfChange(i), verbOf(change)];
    const field = fieldName(source.value, pathOfChange(i));
    let next: T;
    try {
      next = applyChanges(current, [change]).result;
    } catch (e) {
      if (!(e instanceof ChangeError)) throw e;
      diagnostics.push(pathProblem(source, at, field, e));
      return;
    }
    const found = problemsIn(next);
    const valueAt = 'value' in change ? [...pathOfChange(i), 'value'] : at;
    for (const d of found) {
      if (known.has(key(d))) continue;
      diagnostics.push(diagnosticAt(source, d.code, valueAt, field, `after this change (${verbOf(change)} ${pathOf(change)}), ${d.field || 'the file'}: ${d.message}`, d.hint));
    }
    known = new Set(found.map(key));
    current = next;
  });
  return { result: current, diagnostics };
}

/**
 * Past this many changes in one list, the value is checked once after all of
 * them, not after each (which costs the size of the world per change: 40,000
 * effects took 91 s), and a problem is placed on the last change whose path leads
 * to it.
 */
const PRECISE_CHANGES = 200;

function applyAllChecked<T extends object>(
  base: T,
  changes: readonly Change[],
  source: SourceFile,
  pathOfChange: (i: number) => PathSegment[],
  problemsIn: (value: T) => Diagnostic[],
  key: (d: Diagnostic) => string,
): { result: T; diagnostics: Diagnostic[] } {
  const known = new Set(problemsIn(base).map(key));
  const { result, errors } = applyEachChange(base, changes);
  const diagnostics = errors.slice(0, MAX_DIAGNOSTICS).map((e) =>
    pathProblem(source, [...pathOfChange(e.index), verbOf(changes[e.index]!)], fieldName(source.value, pathOfChange(e.index)), e));
  const paths = changes.map(pathOf);
  for (const d of problemsIn(result)) {
    if (known.has(key(d))) continue;
    let i = changes.length - 1;
    while (i > 0 && !leadsTo(paths[i]!, d.field)) i--;
    const change = changes[i]!;
    const valueAt = 'value' in change ? [...pathOfChange(i), 'value'] : [...pathOfChange(i), verbOf(change)];
    diagnostics.push(diagnosticAt(source, d.code, valueAt, fieldName(source.value, pathOfChange(i)), `after this change (${verbOf(change)} ${pathOf(change)}), ${d.field || 'the file'}: ${d.message}`, d.hint));
  }
  return { result, diagnostics: capDiagnostics(diagnostics) };
}

/** Does a change at `path` lead to the field `field` (or lie under it)? */
function leadsTo(path: string, field: string): boolean {
  return field === path || field.startsWith(`${path}.`) || field.startsWith(`${path}[`) || path.startsWith(`${field}.`);
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

/**
 * Every event's `effects`, applied in date order to the world as it stands on
 * that date: a path to nothing, or an entry the core could not read, is
 * reported on the effect before anything runs.
 */
export function checkEffects(scenario: Scenario, initial: Situation, source: SourceFile, extra: ValueCheck<Situation> = () => []): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  // An effect aimed outside the world and the treaties is reported by checkScenario (bad-effect-path).
  const roots = scenario.events.flatMap((e) => (e.effects ?? []).map((c) => pathOf(c).split('.')[0]));
  if (roots.some((r) => r !== 'world' && r !== 'treaties')) return diagnostics;
  let situation = initial;
  const indexOf = new Map(scenario.events.map((e, i) => [e, i]));
  for (const event of chronological(scenario.events)) {
    if (!event.effects?.length) continue;
    const i = indexOf.get(event)!;
    const r = applyEachChecked(situation, event.effects, source, (j) => ['events', i, 'effects', j],
      (value, s) => {
        // Reference checks read the entries, so they run only on entries of the right shape.
        const shape = shapeProblems(situationShape, value, s);
        return shape.length ? shape : extra(value, s);
      });
    diagnostics.push(...r.diagnostics);
    situation = r.result;
  }
  return diagnostics;
}
