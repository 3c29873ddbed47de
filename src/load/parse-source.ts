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
import {
  Composer, isMap, isPair, isScalar, isSeq, LineCounter, Parser, type Document, type Node,
} from 'yaml';
import type { Diagnostic } from './diagnostics.js';

export const LIMITS = {
  /** Bytes per file: casebook files are a few kilobytes; the largest shipped file is about 62 KiB. */
  maxBytes: 2 * 1024 * 1024,
  /** Nesting depth of any value (the deepest shipped file, a treaty, nests 9 levels). */
  maxDepth: 64,
  /** YAML aliases per file (an alias bomb multiplies them). */
  maxAliases: 100,
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
  const mib = (n: number) => `${(n / 1024 / 1024).toFixed(1)} MiB`;
  return {
    code: 'file-too-large', file, line: 1, column: 1, pointer: '', field: '',
    message: `the file is ${mib(bytes)}; the limit is ${mib(LIMITS.maxBytes)}`,
    hint: 'casus files are small text files: split this one, or check that it is the file you meant',
  };
}

function nodeAt(doc: Document, path: readonly PathSegment[]): { node: Node | null; depth: number; keyNode?: Node } {
  let node: unknown = doc.contents;
  let depth = 0;
  for (const segment of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(segment));
      if (!pair) break;
      node = pair.value;
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
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

interface TreeToken {
  type?: string;
  offset?: number;
  /** A document's content. */
  value?: TreeToken;
  /** A collection's entries: each a key and a value (yaml's CollectionItem). */
  items?: Array<{ key?: TreeToken | null; value?: TreeToken }>;
  /** A block scalar's anchor and tag. */
  props?: TreeToken[];
}

/**
 * Where yaml's concrete syntax tree first nests past `limit` (its offset), walked without
 * recursion. Only the fields that can hold a node are followed (a document's value, a
 * collection's keys and values, a block scalar's props): the rest of a token is source text
 * and indicators, which nest nothing.
 */
function syntaxTreeTooDeep(tokens: readonly unknown[], limit: number): number | undefined {
  const stack: Array<[TreeToken, number]> = tokens.map((t) => [t as TreeToken, 0]);
  while (stack.length) {
    const [token, depth] = stack.pop()!;
    const here = depth + (COLLECTION_TOKENS.has(token.type ?? '') ? 1 : 0);
    if (here > limit) return token.offset ?? 0;
    if (token.value && typeof token.value === 'object') stack.push([token.value, here]);
    if (token.items) {
      for (const item of token.items) {
        if (item.key) stack.push([item.key, here]);
        if (item.value) stack.push([item.value, here]);
      }
    }
    if (token.props) for (const p of token.props) stack.push([p, here]);
  }
  return undefined;
}

/** The nesting depth of a plain value (aliases can nest one structure in another), without recursion. */
function valueDepth(value: unknown, limit: number): number {
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max; // also ends a cycle (an alias inside its own anchor)
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
}

/** The first key, anywhere in the value, that would reach a prototype; with its path. */
function forbiddenKeyIn(value: unknown): { key: string; path: PathSegment[] } | undefined {
  const stack: Array<[unknown, PathSegment[]]> = [[value, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node !== 'object' || node === null) continue;
    if (Array.isArray(node)) {
      node.forEach((item, i) => stack.push([item, [...path, i]]));
      continue;
    }
    for (const key of Object.keys(node)) {
      if (FORBIDDEN_KEYS.has(key)) return { key, path };
      stack.push([(node as Record<string, unknown>)[key], [...path, key]]);
    }
  }
  return undefined;
}

/**
 * YAML 1.2 core schema: strings, numbers, booleans, null, lists and mappings only.
 * `resolveKnownTags: false` keeps `!!binary`, `!!set`, `!!timestamp`... from turning into
 * byte arrays, sets or dates: every value is plain data, as from JSON.
 */
const YAML_OPTIONS = { prettyErrors: false, uniqueKeys: true, schema: 'core', version: '1.2', resolveKnownTags: false } as const;

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
  const lineCounter = new LineCounter();
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
  const tokens = [...new Parser(lineCounter.addNewLine).parse(text)];
  const deep = syntaxTreeTooDeep(tokens, LIMITS.maxDepth);
  if (deep !== undefined) return tooDeep(deep);
  const documents = [...new Composer(YAML_OPTIONS).compose(tokens, true, text.length)];
  const doc = documents[0]!;
  if (documents.length > 1) {
    const { line, col } = pos(documents[1]!.range[0]);
    return { diagnostics: [at('yaml-syntax', 'the file holds more than one YAML document', 'remove the "---" line: one file, one document', line, col)] };
  }
  if (doc.errors.length) {
    return {
      diagnostics: doc.errors.map((e) => {
        const { line, col } = pos(e.pos[0]);
        if (e.code === 'DUPLICATE_KEY') {
          const key = /^["']?([^"':\n]*)/.exec(text.slice(e.pos[0], e.pos[0] + 200))?.[1]?.trim() ?? '';
          return at('duplicate-key', `the field "${key}" appears twice in one mapping`, 'keep one of them', line, col);
        }
        const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return at('yaml-syntax', message, 'check the indentation, quotes and brackets near this point', line, col);
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
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
  const forbidden = forbiddenKeyIn(value);
  if (forbidden) {
    const { node } = nodeAt(doc, forbidden.path);
    const keyNode = isMap(node) ? node.items.find((p) => isScalar(p.key) && String(p.key.value) === forbidden.key)?.key : undefined;
    const { line, col } = pos((isScalar(keyNode) && keyNode.range ? keyNode.range[0] : node?.range?.[0]) ?? 0);
    const path = [...forbidden.path, forbidden.key];
    return {
      diagnostics: [at('forbidden-key', `"${forbidden.key}" may not be used as a key`, 'no casus file has such a field; it could reach the internals of the program that reads it', line, col, pointerOf(path), path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${p}`)).join('').replace(/^\./, ''))],
    };
  }
  const source: SourceFile = {
    file,
    value,
    locate(path, key) {
      const { node } = nodeAt(doc, path);
      let range = node?.range;
      if (key !== undefined && isMap(node)) {
        const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
        if (pair && isScalar(pair.key) && pair.key.range) range = pair.key.range;
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
