/**
 * Check a parsed value against its schema and turn zod's issues into located
 * diagnostics that say what was expected and suggest the near miss. Pure.
 */
import type { z } from 'zod';
import { didYouMean, listSome, MAX_DIAGNOSTICS, moreProblems, showValue, type Diagnostic } from './diagnostics.js';
import { diagnosticAt, type PathSegment, type SourceFile } from './parse-source.js';

/** A readable field name: list steps by id where the item has one (events.offensive.date). */
export function fieldName(value: unknown, path: readonly PathSegment[]): string {
  const parts: string[] = [];
  let node: unknown = value;
  for (const segment of path) {
    if (Array.isArray(node) && typeof segment === 'number') {
      const item = node[segment] as { id?: unknown } | undefined;
      parts.push(item && typeof item === 'object' && typeof item.id === 'string' ? item.id : `[${segment}]`);
    } else parts.push(String(segment));
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(segment)] : undefined;
  }
  return parts.join('.').replace(/\.\[/g, '[');
}

type Issue = z.core.$ZodIssue;

/** For a failed union, keep the branch that got furthest: the one the author most likely meant. */
function flatten(issue: Issue): Issue[] {
  if (issue.code !== 'invalid_union' || !issue.errors?.length) return [issue];
  // A union that says in words what it takes (a territory's sovereign) is reported in those words, not by one branch.
  if (issue.message && !/^Invalid input/.test(issue.message)) return [{ ...issue, code: 'invalid_type', expected: issue.message } as unknown as Issue];
  const score = (branch: readonly Issue[]) => {
    const deepest = Math.max(...branch.map((i) => i.path.length));
    const typeMismatchAtRoot = branch.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    return deepest * 100 - branch.length - (typeMismatchAtRoot ? 1000 : 0);
  };
  const best = [...issue.errors].sort((a, b) => score(b) - score(a))[0]!;
  return best.flatMap((i) => flatten({ ...i, path: [...issue.path, ...i.path] } as Issue));
}

/** zod's type names, as a person writing YAML would say them. */
const TYPE_WORDS: Record<string, string> = {
  object: 'a mapping (field: value)', array: 'a list', string: 'text', number: 'a number', boolean: 'true or false',
};

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'number' && !Number.isFinite(value)) return `number ${value}`;
  return `${typeof value} ${typeof value === 'string' ? JSON.stringify(showValue(value)) : JSON.stringify(value)}`;
}

function valueAt(root: unknown, path: readonly PathSegment[]): unknown {
  let node = root;
  for (const p of path) node = node && typeof node === 'object' ? (node as Record<string, unknown>)[String(p)] : undefined;
  return node;
}

export function validateShape<S extends z.ZodType>(
  schema: S,
  source: SourceFile,
): { value?: z.infer<S>; diagnostics: Diagnostic[] } {
  const result = schema.safeParse(source.value);
  if (result.success) return { value: result.data, diagnostics: [] };
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  let hidden = 0;
  for (const issue of result.error.issues.flatMap(flatten)) {
    // Past the limit, issues are counted, not located or worded (locating each would cost time per issue).
    if (diagnostics.length >= MAX_DIAGNOSTICS) {
      hidden += issue.code === 'unrecognized_keys' ? issue.keys.length : 1;
      continue;
    }
    const path = issue.path as PathSegment[];
    const field = fieldName(source.value, path);
    const actual = valueAt(source.value, path);
    let d: Diagnostic;
    switch (issue.code) {
      case 'unrecognized_keys': {
        const parentShape = knownKeys(schema, path, source.value);
        for (const key of issue.keys) {
          if (diagnostics.length >= MAX_DIAGNOSTICS) {
            hidden++;
            continue;
          }
          d = diagnosticAt(source, 'unknown-field', path, field ? `${field}.${key}` : key,
            `"${key}" is not a field here${parentShape.length ? `; expected one of: ${listSome(parentShape, 12)}` : ''}`,
            didYouMean(key, parentShape), key);
          push(d);
        }
        continue;
      }
      case 'invalid_value': {
        const options = issue.values.map(String);
        d = diagnosticAt(source, 'invalid-value', path, field,
          `${received(actual)} is not allowed; expected one of: ${listSome(options, 12)}`,
          typeof actual === 'string' ? didYouMean(actual, options) : undefined);
        break;
      }
      case 'invalid_type': {
        const missing = actual === undefined;
        const expected = TYPE_WORDS[issue.expected] ?? issue.expected;
        d = diagnosticAt(source, missing ? 'missing-field' : 'wrong-type', path, field,
          missing ? `required field is missing; expected ${expected}` : `expected ${expected}, found ${received(actual)}`);
        break;
      }
      case 'invalid_format':
      case 'custom': {
        const isDate = /date/.test(issue.message);
        if (issue.code === 'invalid_format' && issue.format === 'url') {
          d = diagnosticAt(source, 'invalid-format', path, field, `${received(actual)} is not a web address`, 'write the full address, starting https://');
          break;
        }
        d = diagnosticAt(source, isDate ? 'invalid-date' : 'invalid-format', path, field,
          `${received(actual)} is not ${issue.message}`,
          isDate && typeof actual === 'string' ? 'dates are written YYYY-MM-DD and must exist (no 2022-02-30)' : undefined);
        break;
      }
      case 'too_small':
      case 'too_big': {
        const small = issue.code === 'too_small';
        const bound = Number(small ? (issue as { minimum: unknown }).minimum : (issue as { maximum: unknown }).maximum);
        const origin = (issue as { origin?: string }).origin;
        const expected =
          origin === 'array' ? `a list of ${small ? 'at least' : 'at most'} ${bound} entr${bound === 1 ? 'y' : 'ies'}`
          : origin === 'string' ? (small && bound === 1 ? 'some text' : `text of ${small ? 'at least' : 'at most'} ${bound} characters`)
          : `a number ${small ? 'no less' : 'no more'} than ${bound}`;
        const found = Array.isArray(actual) ? `${actual.length ? `${actual.length} entries` : 'an empty list'}` : actual === '' ? 'empty text' : received(actual);
        d = diagnosticAt(source, small ? 'too-small' : 'too-big', path, field, `expected ${expected}, found ${found}`);
        break;
      }
      case 'invalid_key': {
        // A name chosen by the author (a definition's), checked like an id.
        const name = String(path[path.length - 1] ?? '');
        const inner = issue.issues[0]?.message ?? 'a valid name';
        d = diagnosticAt(source, 'invalid-name', path, field, `the name "${name}" is not ${inner}`);
        break;
      }
      default:
        d = diagnosticAt(source, 'invalid', path, field, issue.message);
    }
    push(d);
  }
  return { diagnostics: hidden ? [...diagnostics, moreProblems(source.file, hidden)] : diagnostics };

  function push(d: Diagnostic) {
    const key = `${d.pointer}|${d.code}|${d.message}`;
    if (!seen.has(key)) {
      seen.add(key);
      diagnostics.push(d);
    }
  }
}

/** The field names a strict object at `path` accepts (for "did you mean"). */
function knownKeys(schema: z.ZodType, path: readonly PathSegment[], root: unknown): string[] {
  const keys = new Set<string>();
  const visit = (s: unknown, rest: readonly PathSegment[], value: unknown, depth: number): void => {
    if (!s || depth > 40) return;
    const def = (s as { _zod?: { def?: Record<string, unknown> } })._zod?.def;
    if (!def) return;
    const type = def.type as string;
    if (type === 'lazy') return visit((def.getter as () => unknown)(), rest, value, depth + 1);
    if (type === 'optional' || type === 'nullable' || type === 'default' || type === 'pipe')
      return visit(def.innerType ?? def.in, rest, value, depth + 1);
    if (type === 'union') return (def.options as unknown[]).forEach((o) => visit(o, rest, value, depth + 1));
    if (type === 'array') {
      if (!rest.length) return;
      return visit(def.element, rest.slice(1), (value as unknown[] | undefined)?.[rest[0] as number], depth + 1);
    }
    if (type === 'record') {
      if (!rest.length) return;
      return visit(def.valueType, rest.slice(1), undefined, depth + 1);
    }
    if (type === 'object') {
      const shape = def.shape as Record<string, unknown>;
      if (!rest.length) {
        Object.keys(shape).forEach((k) => keys.add(k));
        return;
      }
      const next = String(rest[0]);
      if (next in shape) visit(shape[next], rest.slice(1), (value as Record<string, unknown> | undefined)?.[next], depth + 1);
    }
  };
  visit(schema, path, root, 0);
  return [...keys];
}
