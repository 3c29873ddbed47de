/**
 * Parse a YAML or JSON text into a plain value while keeping the source map,
 * so later checks can point at file:line:column. Enforces the input limits
 * (size, nesting depth, aliases, UTF-8, keys that reach a prototype) before
 * anything else sees the value. Pure: bytes in, value + diagnostics out.
 *
 * The order is the defence: the size is checked before decoding; the nesting
 * depth is measured on yaml's concrete syntax tree (built without recursion)
 * before yaml composes it (which recurses once per level and, past about a
 * thousand levels, runs out of stack); aliases are counted while the value is
 * built; forbidden keys are looked for before the schema sees the value.
 */
import { createRequire } from 'node:module';
import type { CST, Document, Node } from 'yaml';
import type * as Yaml from 'yaml';
import { MAX_DIAGNOSTICS, MAX_ID_LENGTH, moreProblems, showValue, type Diagnostic } from './diagnostics.js';

/** yaml, loaded the first time a file is parsed: a command whose files all come from the compiled cache never loads it. */
let yamlModule: typeof Yaml | undefined;
const yaml = (): typeof Yaml => (yamlModule ??= createRequire(import.meta.url)('yaml') as typeof Yaml);

export const LIMITS = {
  /** Bytes per file: casebook files are a few kilobytes; the largest shipped file is about 62 KiB. */
  maxBytes: 2 * 1024 * 1024,
  /** Nesting depth of any value (the deepest shipped file, a treaty, nests 9 levels). */
  maxDepth: 64,
  /** YAML aliases per file (an alias bomb multiplies them). */
  maxAliases: 100,
  /** Problems reported per file and per command (a file can be written to hold a million). */
  maxDiagnostics: MAX_DIAGNOSTICS,
  /** Characters in an id or code (the longest shipped id has 40); longer ones get no "did you mean". */
  maxIdLength: MAX_ID_LENGTH,
} as const;

/** Keys that would reach an object's prototype: refused wherever they appear. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

export type PathSegment = string | number;

export interface SourceFile {
  file: string;
  value: unknown;
  /** Line and column (1-based) of the value at a path, or of its nearest existing parent. */
  locate(path: readonly PathSegment[], key?: string): { line: number; column: number };
  /** The comment written directly above the value at a path (used to name expectations). */
  commentAbove(path: readonly PathSegment[]): string | undefined;
  /** The JSON Schema the file names for editors (its `$schema=` line or key), which says what kind of file it is. */
  schema?: string;
}

function schemaNamedIn(text: string, value: unknown): string | undefined {
  const line = /^#\s*yaml-language-server:\s*\$schema=(\S+)/m.exec(text.slice(0, 4096))?.[1];
  const key = typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>).$schema : undefined;
  return line ?? (typeof key === 'string' ? key : undefined);
}

export function pointerOf(path: readonly PathSegment[]): string {
  return path.length ? '/' + path.map((p) => String(p).replace(/~/g, '~0').replace(/\//g, '~1')).join('/') : '';
}

export function diagnosticAt(
  source: Pick<SourceFile, 'file' | 'locate'> | { file: string; locate?: undefined },
  code: string,
  path: readonly PathSegment[],
  field: string,
  message: string,
  hint?: string,
  key?: string,
): Diagnostic {
  const at = source.locate ? source.locate(path, key) : { line: 1, column: 1 };
  return { code, file: source.file, line: at.line, column: at.column, pointer: pointerOf(path), field, message, ...(hint ? { hint } : {}) };
}

/** The diagnostic for a file over the size limit (also used before reading, from its size on disk). */
export function tooLarge(file: string, bytes: number): Diagnostic {
  // Bytes, not rounded MiB: a file one byte over the limit must not read "2.0 MiB; the limit is 2.0 MiB".
  return {
    code: 'file-too-large', file, line: 1, column: 1, pointer: '', field: '',
    message: `the file is ${groupDigits(bytes)} bytes; the limit is ${groupDigits(LIMITS.maxBytes)} bytes (${LIMITS.maxBytes / 1024 / 1024} MiB)`,
    hint: 'casus files are small text files: split this one, or check that it is the file you meant',
  };
}

/** 2097152 -> "2,097,152", the same under every locale. */
export function groupDigits(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}

function nodeAt(doc: Document, path: readonly PathSegment[]): { node: Node | null; depth: number; keyNode?: Node } {
  let node: unknown = doc.contents;
  let depth = 0;
  for (const segment of path) {
    if (yaml().isMap(node)) {
      const pair = node.items.find((p) => yaml().isPair(p) && yaml().isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      node = pair.value;
    } else if (yaml().isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      node = node.items[segment];
    } else break;
    depth++;
  }
  return { node: (node as Node) ?? null, depth };
}

/**
 * A quick estimate of nesting from the raw text: open flow brackets and, per
 * line, indentation plus leading `- ` / `? ` indicators. It does not know
 * quotes, so brackets in text count too; the threshold is far above any real
 * file. It lets a hostile file of a million `[` be refused at once instead of
 * after seconds of parsing; the exact check, on the syntax tree, follows.
 */
function roughDepthExceeds(text: string, threshold: number): number | undefined {
  let flow = 0;
  let lineStart = true;
  let block = 0;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) {
      lineStart = true;
      block = 0;
      continue;
    }
    if (lineStart) {
      if (ch === 32 /* space */ || ((ch === 45 /* - */ || ch === 63 /* ? */) && text.charCodeAt(i + 1) === 32)) {
        block++;
        if (flow + block > threshold) return i;
        continue;
      }
      lineStart = false;
    }
    if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++flow + block > threshold) return i;
    } else if ((ch === 93 /* ] */ || ch === 125 /* } */) && flow > 0) flow--;
  }
  return undefined;
}

const COLLECTION_TOKENS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Where yaml's concrete syntax tree first nests past `limit` (its offset), walked
 * without recursion. Only collections' keys and values and a document's value can
 * hold a collection; the rest (spaces, comments, scalars) is never visited.
 */
function syntaxTreeTooDeep(tokens: readonly CST.Token[], limit: number): number | undefined {
  const nodes: unknown[] = [...tokens];
  const depths: number[] = nodes.map(() => 0);
  while (nodes.length) {
    const token = nodes.pop() as { type?: string; offset?: number; items?: Array<{ key?: unknown; value?: unknown }>; value?: unknown };
    const depth = depths.pop()!;
    const here = depth + (COLLECTION_TOKENS.has(token.type ?? '') ? 1 : 0);
    if (here > limit) return token.offset ?? 0;
    const push = (child: unknown) => {
      if (child && typeof child === 'object') {
        nodes.push(child);
        depths.push(here);
      }
    };
    if (Array.isArray(token.items)) {
      for (const item of token.items) {
        push(item.key);
        push(item.value);
      }
    } else if (token.type === 'document') push(token.value);
  }
  return undefined;
}

/** The nesting depth of a plain value (aliases can nest one structure in another), without recursion. */
function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const values: unknown[] = [value];
  const depths: number[] = [1];
  while (values.length) {
    const v = values.pop();
    const d = depths.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max; // also ends a cycle (an alias inside its own anchor)
    for (const key in v) {
      values.push((v as Record<string, unknown>)[key]);
      depths.push(d + 1);
    }
  }
  return max;
}

/** The text of a mapping key, as the key of the plain object it becomes; undefined for a list or mapping used as a key. */
function keyText(doc: Document, key: unknown): string | undefined {
  const node = yaml().isAlias(key) ? key.resolve(doc) : key;
  if (node === null || node === undefined) return '';
  return yaml().isScalar(node) ? String(node.value) : undefined;
}

type KeyProblem = { offset: number; code: 'duplicate-key' | 'yaml-syntax' | 'forbidden-key'; key: string; path: PathSegment[] };

/**
 * The keys of every mapping, checked in one walk of the document (without
 * recursion): a key that would reach a prototype (with its path), keys used
 * twice in one mapping, lists or mappings used as keys. One set of keys per
 * mapping, so a mapping of 80,000 keys is checked in linear time (yaml's own
 * check compares each key with every one before it). A key reached through an
 * alias is checked where its anchor is.
 */
function keyProblems(doc: Document): KeyProblem[] {
  interface Step { node: unknown; up?: Step; at?: PathSegment }
  const pathOf = (step: Step): PathSegment[] => {
    const path: PathSegment[] = [];
    for (let s: Step | undefined = step; s?.up; s = s.up) path.push(s.at!);
    return path.reverse();
  };
  const out: KeyProblem[] = [];
  const stack: Step[] = [{ node: doc.contents }];
  while (stack.length && out.length <= LIMITS.maxDiagnostics) {
    const step = stack.pop()!;
    const { node } = step;
    if (yaml().isMap(node)) {
      const seen = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key as Node | null;
        const offset = key?.range?.[0] ?? node.range?.[0] ?? 0;
        const text = keyText(doc, key);
        if (text === undefined) out.push({ offset, code: 'yaml-syntax', key: '', path: [] });
        else if (FORBIDDEN_KEYS.has(text)) return [{ offset, code: 'forbidden-key', key: text, path: [...pathOf(step), text] }];
        else if (seen.has(text)) out.push({ offset, code: 'duplicate-key', key: text, path: [] });
        else seen.add(text);
        stack.push({ node: pair.value, up: step, at: text ?? '' });
      }
    } else if (yaml().isSeq(node)) node.items.forEach((item, i) => stack.push({ node: item, up: step, at: i }));
  }
  return out.sort((a, b) => a.offset - b.offset);
}

/**
 * YAML 1.2 core schema: strings, numbers, booleans, null, lists and mappings only.
 * `resolveKnownTags: false` keeps `!!binary`, `!!set`, `!!timestamp`... from turning into
 * byte arrays, sets or dates: every value is plain data, as from JSON.
 */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: false, schema: 'core', version: '1.2', resolveKnownTags: false } as const;

/**
 * yaml's Composer, fed one token at a time. A hostile file can hold hundreds of
 * thousands of syntax errors, each of which yaml would build as an Error with a
 * stack trace (seconds of work): past the reporting limit, error tokens are
 * skipped and further errors only counted.
 */
function compose(tokens: readonly CST.Token[], end: number): { documents: Document.Parsed[]; uncounted: number } {
  const composer = new (yaml().Composer)(YAML_OPTIONS);
  let errors = 0;
  let uncounted = 0;
  // onError is yaml's own (not typed as public): wrapped, not replaced, so a yaml without it still works.
  type OnError = (source: unknown, code: string, message: string, warning?: boolean) => void;
  const hook = composer as unknown as { onError?: OnError };
  const report = hook.onError;
  if (report) hook.onError = (source, code, message, warning) => {
    if (warning) return; // warnings (an unknown tag) change nothing: the value stays plain data
    if (++errors <= LIMITS.maxDiagnostics) report(source, code, message, warning);
    else uncounted++;
  };
  const documents: Document.Parsed[] = [];
  for (const token of tokens) {
    if (token.type === 'error' && ++errors > LIMITS.maxDiagnostics) {
      uncounted++;
      continue;
    }
    documents.push(...(composer.next(token) as Iterable<Document.Parsed>));
  }
  documents.push(...(composer.end(true, end) as Iterable<Document.Parsed>));
  return { documents, uncounted };
}

export function parseSource(file: string, bytes: Uint8Array): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const at = (code: string, message: string, hint?: string, line = 1, column = 1, pointer = '', field = ''): Diagnostic => ({
    code, file, line, column, pointer, field, message, ...(hint ? { hint } : {}),
  });
  if (bytes.byteLength > LIMITS.maxBytes) {
    return { diagnostics: [tooLarge(file, bytes.byteLength)] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [at('not-utf8', 'the file is not valid UTF-8 text', 'save it as UTF-8 (most editors offer "UTF-8" under "Save with encoding")')] };
  }
  // Old Mac line endings (a CR alone) are line breaks too; one character for one keeps every offset.
  if (text.includes('\r')) text = text.replace(/\r(?!\n)/g, '\n');
  const lineCounter = new (yaml().LineCounter)();
  const pos = (offset: number) => lineCounter.linePos(offset);
  const tooDeep = (offset = 0) => {
    const { line, col } = pos(offset);
    return {
      diagnostics: [at('too-deep', `values are nested more than ${LIMITS.maxDepth} levels deep`, `no casus file needs more than ${LIMITS.maxDepth} levels: flatten the structure`, line, col)],
    };
  };
  const rough = roughDepthExceeds(text, 16 * LIMITS.maxDepth);
  if (rough !== undefined) {
    // Only line breaks up to the offset matter for its line and column.
    lineCounter.addNewLine(0);
    for (let i = text.indexOf('\n'); i >= 0 && i < rough; i = text.indexOf('\n', i + 1)) lineCounter.addNewLine(i + 1);
    return tooDeep(rough);
  }
  const tokens = [...new (yaml().Parser)(lineCounter.addNewLine).parse(text)];
  const deep = syntaxTreeTooDeep(tokens, LIMITS.maxDepth);
  if (deep !== undefined) return tooDeep(deep);
  const { documents, uncounted } = compose(tokens, text.length);
  const doc = documents[0]!;
  if (documents.length > 1) {
    const { line, col } = pos(documents[1]!.range[0]);
    return { diagnostics: [at('yaml-syntax', 'the file holds more than one YAML document', 'remove the "---" line: one file, one document', line, col)] };
  }
  if (doc.errors.length) {
    const shown = doc.errors.slice(0, LIMITS.maxDiagnostics).map((e) => {
      const { line, col } = pos(e.pos[0]);
      const message = showValue(e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''));
      return at('yaml-syntax', message, 'check the indentation, quotes and brackets near this point', line, col);
    });
    const more = doc.errors.length - shown.length + uncounted;
    return { diagnostics: more > 0 ? [...shown, moreProblems(file, more)] : shown };
  }
  const keys = keyProblems(doc);
  if (keys[0]?.code === 'forbidden-key') {
    const { offset, key, path } = keys[0];
    const { line, col } = pos(offset);
    const field = path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, '');
    return {
      diagnostics: [at('forbidden-key', `"${key}" may not be used as a key`, 'no casus file has such a field; it could reach the internals of the program that reads it', line, col, pointerOf(path), field)],
    };
  }
  if (keys.length) {
    const shown = keys.slice(0, LIMITS.maxDiagnostics).map(({ offset, code, key }) => {
      const { line, col } = pos(offset);
      return code === 'duplicate-key'
        ? at(code, `the field "${showValue(key)}" appears twice in one mapping`, 'keep one of them', line, col)
        : at(code, 'a key is a list or a mapping', 'keys are plain words (id:, title:); remove the "?" or the brackets', line, col);
    });
    return { diagnostics: keys.length > shown.length ? [...shown, moreProblems(file, keys.length - shown.length)] : shown };
  }
  let value: unknown;
  try {
    // yaml counts the anchored node itself as well: one more, so exactly maxAliases aliases pass.
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliases + 1 });
  } catch (e) {
    const message = (e as Error).message;
    if (/excessive alias count/i.test(message))
      return { diagnostics: [at('too-many-aliases', `the file expands YAML aliases (*name) more than ${LIMITS.maxAliases} times`, 'write the values out, or use fewer aliases')] };
    const alias = /Unresolved alias.*: (\S+)$/.exec(message.split('\n')[0]!)?.[1];
    const { line, col } = pos(alias ? Math.max(0, text.indexOf(`*${alias}`)) : 0);
    const said = alias ? `the alias *${alias} names no anchor (&${alias}) set before it` : message.split('\n')[0]!;
    return { diagnostics: [at('yaml-syntax', said, 'check the anchors (&name) and aliases (*name)', line, col)] };
  }
  if (valueDepth(value, LIMITS.maxDepth) > LIMITS.maxDepth) return tooDeep();
  const schema = schemaNamedIn(text, value);
  const source: SourceFile = {
    file,
    value,
    ...(schema === undefined ? {} : { schema }),
    locate(path, key) {
      const { node } = nodeAt(doc, path);
      let range = node?.range;
      if (key !== undefined && yaml().isMap(node)) {
        const pair = node.items.find((p) => yaml().isScalar(p.key) && String(p.key.value) === key);
        if (pair && yaml().isScalar(pair.key) && pair.key.range) range = pair.key.range;
      }
      const { line, col } = pos(range?.[0] ?? 0);
      return { line, column: col };
    },
    commentAbove(path) {
      const { node, depth } = nodeAt(doc, path);
      if (!node || depth !== path.length) return undefined;
      let comment = (node as { commentBefore?: string | null }).commentBefore;
      // The comment above a list's first item is kept on the list itself.
      if (!comment && path[path.length - 1] === 0) {
        const list = nodeAt(doc, path.slice(0, -1));
        if (list.depth === path.length - 1) comment = (list.node as { commentBefore?: string | null } | null)?.commentBefore;
      }
      return comment ? comment.split('\n').map((l) => l.trim()).join(' ').trim() : undefined;
    },
  };
  return { source, diagnostics: [] };
}
