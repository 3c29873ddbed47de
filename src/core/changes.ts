/**
 * The change syntax shared by event `effects` and what-if files (docs/design.md §2):
 * `set`, `add` and `remove` at a dotted path whose list steps name items by
 * their `id`. Applied with immer, so the result shares structure with the
 * input and the patches are a replayable, reversible record. Pure.
 */
import { enablePatches, isDraft, original, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Change } from '../schema/scenario.js';

enablePatches();

/** Keys that would reach an object's prototype: never followed, never written. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class ChangeError extends Error {
  /** Which change of the list failed (set by applyChanges). */
  index = -1;
  constructor(
    message: string,
    readonly path: string,
    readonly segment: string,
    readonly known: readonly string[] = [],
  ) {
    super(message);
    this.name = 'ChangeError';
  }
}

export interface Applied<T> {
  result: T;
  patches: Patch[];
  inversePatches: Patch[];
}

type Node = Record<string, unknown> | unknown[];

function isNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null;
}

/**
 * The name a list item is addressed by: its `id`; a condition by its reason
 * `code` and a clause version by its `from` date, so that a what-if can reach
 * `treaties.cst.clauses.art-4.versions.2012-12-19.conditions.all.requested`.
 */
export function idOf(item: unknown): string | undefined {
  if (!isNode(item) || Array.isArray(item)) return undefined;
  if (typeof item.id === 'string') return item.id;
  if (typeof item.code === 'string' && ('fact' in item || 'all' in item || 'any' in item || 'not' in item)) return item.code;
  if (typeof item.from === 'string' && 'conditions' in item) return item.from;
  return undefined;
}

function verbOf(change: Change): 'set' | 'add' | 'remove' {
  return 'set' in change ? 'set' : 'add' in change ? 'add' : 'remove';
}

export function pathOf(change: Change): string {
  return 'set' in change ? change.set : 'add' in change ? change.add : change.remove;
}

/**
 * Resolve one step: a property of an object, or the item of a list whose id is
 * `segment`. `known` (what a message lists as there) is worked out only when a
 * message needs it: a path through a long list is walked once.
 */
function step(node: Node, segment: string, path: string, touched: WeakSet<object>): { key: string | number; known: () => string[] } {
  if (FORBIDDEN_KEYS.has(segment)) {
    throw new ChangeError(`"${segment}" may not be used in a path`, path, segment);
  }
  if (Array.isArray(node)) {
    // Ids are read from the list as it was before this call when no earlier change of the call
    // went through it (so nothing under it changed): reading items through the draft would
    // make a draft of every item.
    const items: unknown[] = isDraft(node) && !touched.has(node) ? original(node)! : node;
    const ids = () => items.map(idOf).filter((x): x is string => x !== undefined);
    let index = -1;
    for (let i = 0; i < items.length; i++) {
      if (idOf(items[i]) !== segment) continue;
      if (index >= 0) throw new ChangeError(`two items of this list are named "${segment}", so it cannot say which`, path, segment, ids());
      index = i;
    }
    if (index < 0) {
      const known = ids();
      const message = known.length
        ? `no item with id "${segment}" in this list`
        : `this list's items have no ids, so "${segment}" cannot address one (use add or set on the list)`;
      throw new ChangeError(message, path, segment, known);
    }
    return { key: index, known: ids };
  }
  return { key: segment, known: () => Object.keys(node) };
}

function applyOne(draft: Node, change: Change, touched: WeakSet<object>): void {
  const path = pathOf(change);
  const verb = verbOf(change);
  const segments = path.split('.');
  let node: Node = draft;
  for (const segment of segments.slice(0, -1)) {
    const { key, known } = step(node, segment, path, touched);
    touched.add(node);
    let next = (node as Record<string | number, unknown>)[key];
    if (next === undefined && !Array.isArray(node) && verb !== 'remove') {
      // A what-if may give an event the list it lacks (`requests`, `actual`).
      next = {};
      (node as Record<string, unknown>)[key as string] = next;
    }
    if (!isNode(next)) throw new ChangeError(`nothing to change at "${segment}"`, path, segment, known());
    node = next;
  }
  const last = segments[segments.length - 1]!;
  const target = step(node, last, path, touched);
  touched.add(node);
  const holder = node as Record<string | number, unknown>;
  if (verb === 'set') {
    holder[target.key] = (change as { value: unknown }).value;
  } else if (verb === 'add') {
    const value = (change as { value: unknown }).value;
    const current = holder[target.key];
    if (current === undefined) holder[target.key] = [value];
    else if (Array.isArray(current)) current.push(value);
    else throw new ChangeError(`"${last}" is not a list, so nothing can be added to it (use set)`, path, last, target.known());
  } else {
    if (Array.isArray(node)) node.splice(target.key as number, 1);
    else if (!(target.key in holder)) throw new ChangeError(`there is no "${last}" to remove`, path, last, target.known());
    else delete holder[target.key];
  }
}

/** Apply changes in order. Throws ChangeError naming the path and what exists there. */
export function applyChanges<T extends object>(base: T, changes: readonly Change[]): Applied<T> {
  const [result, patches, inversePatches] = produceWithPatches(base, (draft: Draft<T>) => {
    // The nodes earlier changes of this call went through: what is under them may have changed.
    const touched = new WeakSet<object>();
    changes.forEach((change, i) => {
      try {
        applyOne(draft as unknown as Node, change, touched);
      } catch (e) {
        if (e instanceof ChangeError) e.index = i;
        throw e;
      }
    });
  });
  return { result: result as T, patches, inversePatches };
}

/**
 * Apply changes in order in one pass, skipping each that cannot be applied:
 * the result and every ChangeError (with its index). One immer draft for all,
 * so 40,000 changes to one list cost 40,000 steps, not a copy of the list each.
 */
export function applyEachChange<T extends object>(base: T, changes: readonly Change[]): { result: T; errors: ChangeError[] } {
  const errors: ChangeError[] = [];
  const [result] = produceWithPatches(base, (draft: Draft<T>) => {
    const touched = new WeakSet<object>();
    changes.forEach((change, i) => {
      try {
        applyOne(draft as unknown as Node, change, touched);
      } catch (e) {
        if (!(e instanceof ChangeError)) throw e;
        e.index = i;
        errors.push(e);
      }
    });
  });
  return { result: result as T, errors };
}
