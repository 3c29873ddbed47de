/**
 * Parse a YAML or JSON text into a plain value while keeping the source map,
 * so later checks can point at file:line:column. Enforces the input limits
 * (size, nesting depth, aliases, UTF-8). Pure: text in, value + diagnostics out.
 */
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Document, type Node } from 'yaml';
import type { Diagnostic } from './diagnostics.js';

export const LIMITS = {
  /** Bytes per file: casebook files are a few kilobytes. */
  maxBytes: 2 * 1024 * 1024,
  /** Nesting depth of any value. */
  maxDepth: 64,
  /** YAML aliases per file (an alias bomb multiplies them). */
  maxAliases: 100,
} as const;

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

function depthOf(value: unknown, limit: number): number {
  // Iterative, so hostile nesting cannot overflow the stack.
  let max = 0;
  const stack: Array<[unknown, number]> = [[value, 1]];
  while (stack.length) {
    const [v, d] = stack.pop()!;
    if (typeof v !== 'object' || v === null) continue;
    if (d > max) max = d;
    if (max > limit) return max;
    for (const child of Object.values(v)) stack.push([child, d + 1]);
  }
  return max;
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

export function parseSource(file: string, bytes: Uint8Array): { source?: SourceFile; diagnostics: Diagnostic[] } {
  const at = (code: string, message: string, hint?: string, line = 1, column = 1): Diagnostic => ({
    code, file, line, column, pointer: '', field: '', message, ...(hint ? { hint } : {}),
  });
  if (bytes.byteLength > LIMITS.maxBytes) {
    return { diagnostics: [at('file-too-large', `the file is ${bytes.byteLength} bytes; the limit is ${LIMITS.maxBytes} bytes`, 'split it into smaller files')] };
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { diagnostics: [at('not-utf8', 'the file is not valid UTF-8 text', 'save it as UTF-8')] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true, schema: 'core', version: '1.2' });
  const pos = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length) {
    return {
      diagnostics: doc.errors.map((e) => {
        const { line, col } = pos(e.pos[0]);
        const message = e.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
        return at(e.code === 'DUPLICATE_KEY' ? 'duplicate-key' : 'yaml-syntax', message, 'check the indentation, quotes and brackets near this point', line, col);
      }),
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: LIMITS.maxAliases });
  } catch (e) {
    return { diagnostics: [at('too-many-aliases', `the file expands too many YAML aliases (${(e as Error).message})`, `use at most ${LIMITS.maxAliases} aliases`)] };
  }
  if (depthOf(value, LIMITS.maxDepth) > LIMITS.maxDepth) {
    return { diagnostics: [at('too-deep', `values are nested more than ${LIMITS.maxDepth} levels deep`, 'flatten the structure')] };
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
