/**
 * What kind of file a data file is, from the file itself and never from its
 * folder's name: the JSON Schema its `$schema` line names (every shipped file
 * has one, and editors read it too), else the fields it has. Pure.
 */
import type { SourceFile } from '../load/parse-source.js';

export const FILE_KINDS = ['scenario', 'what-if', 'lesson', 'treaty', 'world'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

const WORLD_FIELDS = ['states', 'actors', 'territories', 'recognitions', 'memberships'];

/** `../schemas/what-if.schema.json` names a what-if; a schema of no known kind names nothing. */
function kindNamed(schema: string | undefined): FileKind | undefined {
  const name = schema === undefined ? undefined : /([a-z-]+)\.schema\.json$/i.exec(schema)?.[1]?.toLowerCase();
  return FILE_KINDS.find((k) => k === name);
}

/** A file's kind; a file that says nothing of its kind is read as a scenario, the kind most files are. */
export function fileKind(source: Pick<SourceFile, 'schema' | 'value'>): FileKind {
  const named = kindNamed(source.schema);
  if (named) return named;
  const v = source.value;
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return 'scenario';
  const has = (key: string) => Object.prototype.hasOwnProperty.call(v, key);
  if (has('base')) return 'what-if';
  if (has('events')) return 'scenario';
  if (has('clauses') || has('parties')) return 'treaty';
  if (has('steps')) return 'lesson';
  if (WORLD_FIELDS.some(has)) return 'world';
  return 'scenario';
}
