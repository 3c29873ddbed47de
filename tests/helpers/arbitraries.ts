/**
 * fast-check arbitraries for the property tests: valid scenarios built from the
 * shipped world's vocabulary, and mutations that each make a valid file wrong
 * in one way (a deleted required field, a wrong type, a garbled date, an
 * unknown code, an unknown field).
 */
import fc from 'fast-check';
import { eventKind, isRealDate, REASON_CODES, RESPONSES, targetKind } from '../../src/schema/common.js';
import type { Model } from '../../src/core/index.js';

const DAY = 24 * 60 * 60 * 1000;
const EPOCH = Date.UTC(1990, 0, 1);
const isoOf = (days: number) => new Date(EPOCH + days * DAY).toISOString().slice(0, 10);
const MAX_DAYS = 15_000; // to 2031

export interface Vocabulary {
  states: string[];
  territories: string[];
  actors: string[];
  treaties: string[];
  clauses: string[];
}

export function vocabularyOf(model: Model): Vocabulary {
  return {
    states: model.world.states.map((s) => s.id).sort(),
    territories: model.world.territories.map((t) => t.id).sort(),
    actors: model.world.actors.map((a) => a.id).sort(),
    treaties: model.treaties.map((t) => t.id).sort(),
    clauses: model.treaties.flatMap((t) => t.clauses.map((c) => `${t.id}/${c.id}`)).sort(),
  };
}

/** A valid scenario: every code known, every date real, every request and response on or after its event. */
export function validScenario(v: Vocabulary): fc.Arbitrary<Record<string, unknown>> {
  const state = fc.constantFrom(...v.states);
  const place = fc.constantFrom(...v.states, ...v.territories);
  const clause = fc.constantFrom(...v.clauses);
  const status = fc.constantFrom('obliged', 'not-obliged', 'obliged-if-requested', 'absent');
  const membership = (from: number) =>
    fc.record(
      {
        treaty: fc.constantFrom(...v.treaties),
        state,
        status: fc.constantFrom('member', 'suspended', 'frozen', 'withdrawn'),
        from: fc.integer({ min: 0, max: from }).map(isoOf),
      },
      { requiredKeys: ['treaty', 'state', 'status', 'from'] },
    );
  const event = (i: number) =>
    fc.integer({ min: 0, max: MAX_DAYS - 60 }).chain((day) =>
      fc.record(
        {
          id: fc.constant(`event-${i}`),
          date: fc.constant(isoOf(day)),
          kind: fc.constantFrom(...eventKind.options),
          attacker: fc.oneof(state, fc.constantFrom(...v.actors)),
          target: state,
          territory: place,
          targetKind: fc.constantFrom(...targetKind.options),
          requests: fc.array(
            fc.record(
              { by: state, clause, to: fc.oneof(state, fc.constantFrom(...v.treaties)), date: fc.integer({ min: day, max: day + 30 }).map(isoOf) },
              { requiredKeys: ['by', 'date'] },
            ),
            { maxLength: 3 },
          ),
          actual: fc.array(
            fc.record(
              { by: fc.oneof(state, fc.constantFrom(...v.treaties)), response: fc.constantFrom(...RESPONSES), date: fc.integer({ min: day, max: day + 30 }).map(isoOf), clause },
              { requiredKeys: ['by', 'response'] },
            ),
            { maxLength: 3 },
          ),
          expect: fc.uniqueArray(
            fc.record(
              { clause, obligor: fc.oneof(state, fc.constant('*')), status: fc.oneof(status, fc.uniqueArray(status, { minLength: 1, maxLength: 3 })), because: fc.constantFrom(...REASON_CODES) },
              { requiredKeys: ['clause', 'obligor', 'status'] },
            ),
            { maxLength: 3, selector: (x) => `${x.clause} ${x.obligor}` },
          ),
          effects: fc.array(
            fc.oneof(
              membership(day).map((value) => ({ add: 'world.memberships', value })),
              fc.tuple(state, fc.string({ minLength: 1, maxLength: 12 })).map(([s, name]) => ({ set: `world.states.${s}.name`, value: name })),
            ),
            { maxLength: 2 },
          ),
        },
        { requiredKeys: ['id', 'date', 'kind', 'target', 'territory'] },
      ),
    );
  return fc
    .record(
      {
        title: fc.string({ minLength: 1, maxLength: 40 }),
        events: fc.integer({ min: 1, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => event(i)))),
        world: fc.record(
          {
            recognitions: fc.uniqueArray(
              fc.record(
                { by: state, territory: fc.constantFrom(...v.territories), sovereign: fc.oneof(state, fc.constant(null)), from: fc.integer({ min: 0, max: MAX_DAYS }).map(isoOf) },
              ),
              { maxLength: 3, selector: (r) => `${r.by} ${r.territory} ${r.from}` },
            ),
            memberships: fc.uniqueArray(membership(MAX_DAYS), { maxLength: 2, selector: (m) => `${m.state} ${m.treaty} ${m.from}` }),
          },
          { requiredKeys: [] },
        ),
      },
      { requiredKeys: ['title', 'events'] },
    )
    .map((s) => ({ id: 'generated', ...s }));
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type Path = Array<string | number>;

/** Every path to a value in `root` whose last step satisfies `test`. */
function pathsWhere(root: Json, test: (key: string | number, value: Json, path: Path) => boolean): Path[] {
  const out: Path[] = [];
  const visit = (node: Json, path: Path) => {
    if (Array.isArray(node)) node.forEach((x, i) => { if (test(i, x, [...path, i])) out.push([...path, i]); visit(x, [...path, i]); });
    else if (node && typeof node === 'object')
      for (const [k, x] of Object.entries(node)) {
        if (test(k, x, [...path, k])) out.push([...path, k]);
        visit(x, [...path, k]);
      }
  };
  visit(root, []);
  return out;
}

const parentOf = (root: Json, path: Path): Record<string | number, Json> => path.slice(0, -1).reduce<Json>((n, k) => (n as Record<string | number, Json>)[k]!, root) as Record<string | number, Json>;

/** Is this path the field `name` of an item of one of `lists`? (events.N.date, events.N.requests.M.by) */
// The first version of a clause is `versions.0` (it must be complete); later ones inherit, so they are `versions.#`.
const fieldOf = (path: Path, shape: RegExp) =>
  shape.test(path.map((p, i) => (typeof p === 'number' ? (p === 0 && path[i - 1] === 'versions' ? '0' : '#') : p)).join('.'));

const DATES = /(^|\.)(date|from|until|signed)$/;
const GARBLED_DATES = ['2022-02-30', '2022-13-01', '2022-00-10', '2021-02-29', '1900-02-29', '2022-09-31', '22-09-13', '2022/09/13', '2022-9-13', '13.09.2022', 'yesterday', ''];
const UNKNOWN_FIELDS = ['teritory', 'atacker', 'severity', 'colour', 'dates', 'expects', 'request'];
const word = fc.stringMatching(/^[a-z]{2,8}$/);

/** Where a file kind can be made wrong: fields shaped as paths with `#` for list items. */
export interface Profile {
  /** Fields whose deletion makes the file wrong. */
  required: RegExp;
  /** Text fields: any other type makes the file wrong. */
  text: RegExp;
  /** Fields holding a state code. */
  states: RegExp;
  /** Fields holding a code of a closed vocabulary, and a wrong code for each. */
  codes: Array<[RegExp, fc.Arbitrary<string>]>;
}

const LEAF = '(\\.(all|any)\\.#|\\.not)*';
export const SCENARIO: Profile = {
  required: /^(id|title|events|events\.#\.(id|date|kind|target|territory)|events\.#\.requests\.#\.(by|date)|events\.#\.actual\.#\.(by|response)|events\.#\.expect\.#\.(clause|obligor|status))$/,
  text: /^(id|title|summary|events\.#\.(id|date|kind|target|territory|attacker|title|note)|events\.#\.requests\.#\.(by|date|clause|to)|events\.#\.actual\.#\.(by|response|date|clause|note)|events\.#\.expect\.#\.(clause|obligor|because))$/,
  states: /^events\.#\.(target|attacker)$|^events\.#\.requests\.#\.by$|^events\.#\.expect\.#\.obligor$|^world\.recognitions\.#\.by$/,
  codes: [
    [/\.(kind|response|because|territory|status)$/, word.map((w) => `${w}-zz`)],
    // A clause keeps its treaty/clause form, so the reference check, not the format check, refuses it.
    [/\.clause$/, fc.integer({ min: 5, max: 99 }).map((n) => `cst/art-${n}`)],
  ],
};
export const TREATY: Profile = {
  required: new RegExp(`^(id|name|signed|inForce|inForce\\.from|sources|parties|clauses|sources\\.#\\.title|parties\\.#\\.(state|status|from)|clauses\\.#\\.(id|article|title|versions)|clauses\\.#\\.versions\\.[#0]\\.from|clauses\\.#\\.versions\\.0\\.(text|source|duty|satisfiedBy|conditions)|clauses\\.#\\.versions\\.[#0]\\.conditions${LEAF}\\.(fact|operator|value|code|because))$`),
  text: new RegExp(`^(id|name|signed|clauses\\.#\\.(id|article|title)|clauses\\.#\\.versions\\.[#0]\\.(from|text|duty)|parties\\.#\\.(state|status|from)|clauses\\.#\\.versions\\.[#0]\\.conditions${LEAF}\\.(fact|operator|code))$`),
  states: /^parties\.#\.state$/,
  codes: [
    [/\.fact$/, word.map((w) => `${w}Zz`)],
    [/\.(operator|status)$|\.satisfiedBy\.#$/, word.map((w) => `${w}-zz`)],
  ],
};
// A territory's sovereign is optional (DESIGN: a sea area or unclaimed land has none), so deleting it is not a mistake.
export const WORLD: Profile = {
  required: /^(states|territories)\.#\.(id|name)$|^states\.#\.continent$|^recognitions\.#\.(by|territory|from)$/,
  text: /^(states|territories)\.#\.(id|name)$|^recognitions\.#\.(by|territory|from)$/,
  states: /^recognitions\.#\.by$/,
  codes: [[/\.(continent|ocean)$/, word.map((w) => `${w}-zz`)]],
};

export type Mutation = { kind: string; path: Path; apply: (root: Json) => void };

/** One mutation that makes a valid file of the profile's kind wrong, chosen among the places it can apply. */
export function invalidatingMutation(root: Json, v: Vocabulary, profile: Profile = SCENARIO): fc.Arbitrary<Mutation> {
  const choices: fc.Arbitrary<Mutation>[] = [];
  const set = (path: Path, value: Json) => (r: Json) => { parentOf(r, path)[path[path.length - 1]!] = value; };
  // A group's code and because are optional; a leaf's are not.
  const required = pathsWhere(root, (_k, _x, p) => fieldOf(p, profile.required))
    .filter((p) => !['code', 'because'].includes(String(p[p.length - 1])) || 'fact' in parentOf(root, p));
  if (required.length)
    choices.push(fc.constantFrom(...required).map((path) => ({ kind: 'deleted field', path, apply: (r) => { delete parentOf(r, path)[path[path.length - 1]!]; } })));
  const texts = pathsWhere(root, (_k, x, p) => typeof x === 'string' && fieldOf(p, profile.text));
  if (texts.length)
    choices.push(fc.tuple(fc.constantFrom(...texts), fc.constantFrom<Json>(42, true, [], { a: 1 }, null, -1.5)).map(([path, value]) => ({ kind: 'wrong type', path, apply: set(path, value) })));
  const dates = pathsWhere(root, (k, x) => typeof k === 'string' && DATES.test(k) && typeof x === 'string');
  if (dates.length)
    choices.push(
      fc.tuple(fc.constantFrom(...dates), fc.oneof(fc.constantFrom(...GARBLED_DATES), fc.string({ maxLength: 12 }).filter((s) => !isRealDate(s))))
        .map(([path, value]) => ({ kind: 'garbled date', path, apply: set(path, value) })),
    );
  const states = pathsWhere(root, (_k, x, p) => typeof x === 'string' && x !== '*' && fieldOf(p, profile.states));
  if (states.length)
    choices.push(
      fc.tuple(fc.constantFrom(...states), fc.stringMatching(/^[A-Z]{3}$/).filter((s) => !v.states.includes(s)))
        .map(([path, value]) => ({ kind: 'unknown state', path, apply: set(path, value) })),
    );
  for (const [shape, wrong] of profile.codes) {
    const codes = pathsWhere(root, (_k, x, p) => typeof x === 'string' && fieldOf(p, shape));
    if (codes.length) choices.push(fc.tuple(fc.constantFrom(...codes), wrong).map(([path, value]) => ({ kind: 'unknown code', path, apply: set(path, value) })));
  }
  const changePaths = pathsWhere(root, (k, x, p) => typeof x === 'string' && ['set', 'add', 'remove'].includes(String(k)) && p.includes('effects'));
  if (changePaths.length)
    choices.push(
      fc.tuple(fc.constantFrom(...changePaths), fc.stringMatching(/^[a-z]{3,10}$/), fc.stringMatching(/^[A-Z]{3}$/).filter((s) => !v.states.includes(s))).chain(([path, word, code]) =>
        fc.constantFrom(`world.${word}x`, `world.states.${code}.name`, `world.memberships.${word}`, `treaties.${word}x.name`).map((target) => ({
          kind: 'effect path to nothing', path, apply: (r: Json) => { parentOf(r, path)[path[path.length - 1]!] = target; },
        })),
      ),
    );
  const objects = pathsWhere(root, (_k, x) => !!x && typeof x === 'object' && !Array.isArray(x));
  choices.push(
    fc.tuple(fc.constantFrom<Path>([], ...objects), fc.constantFrom(...UNKNOWN_FIELDS)).map(([path, key]) => ({
      kind: 'unknown field', path: [...path, key],
      apply: (r) => { (path.reduce<Json>((n, k) => (n as Record<string | number, Json>)[k]!, r) as Record<string, Json>)[key] = 'x'; },
    })),
  );
  return fc.oneof(...choices);
}

export type { Json };

/**
 * An id-like text of any length, from one character to far past the id limit (100):
 * kebab-case words, sometimes with a capital or a space that makes it no id at all.
 */
export const longId: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('a', 'x-', 'armenia-', 'ARM', 'ab cd', 'x\u001b['), fc.integer({ min: 1, max: 50_000 }))
  .map(([word, length]) => word.repeat(Math.ceil(length / word.length)).slice(0, length));
