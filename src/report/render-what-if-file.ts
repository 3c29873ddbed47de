/**
 * A what-if file (docs/design.md §2) as YAML text: the page's "copy as what-if file".
 * Each change is written on one line, as in the design's examples. Pure.
 */
import { Document, isMap, isSeq } from 'yaml';
import type { Change } from '../schema/scenario.js';

export interface WhatIfDraft {
  id: string;
  title: string;
  /** The base scenario's file name, relative to where the what-if is saved (beside it). */
  base: string;
  changes: readonly Change[];
  /** Where the JSON Schema is, relative to the saved file (default: a what-if in scenarios/). */
  schema?: string;
  /** A comment line saying where the file came from. */
  comment?: string;
}

export function renderWhatIfYaml(w: WhatIfDraft): string {
  const doc = new Document({ id: w.id, title: w.title, base: w.base, changes: w.changes });
  const changes = doc.get('changes', true);
  if (isSeq(changes)) for (const item of changes.items) if (isMap(item)) item.flow = true;
  const header = `# yaml-language-server: $schema=${w.schema ?? '../schemas/what-if.schema.json'}\n${w.comment ? `# ${w.comment}\n` : ''}`;
  return header + doc.toString({ lineWidth: 0, flowCollectionPadding: true });
}
