/**
 * The matrix's rows as data: one row per obligor, and, in a big case, rows
 * with the same verdicts in every column folded into one line ("28 allies -
 * obliged - honored") that opens on click. A row with a flipped cell is never
 * folded: a flip must be seen. Pure: no DOM.
 */
import type { Verdict } from '../core/index.js';

export interface MatrixRow {
  obligor: string;
  name: string;
  /** Its verdict per clause (a clause it has no row under is missing). */
  cells: ReadonlyMap<string, Verdict>;
}

export type MatrixLine =
  | { kind: 'row'; row: MatrixRow }
  | { kind: 'group'; key: string; rows: MatrixRow[]; sample: MatrixRow; open: boolean };

/** More obligors than this and same-verdict rows are grouped: up to 8 rows fit a 720p projector. */
export const GROUP_ABOVE = 8;

/** The obligors and clauses of an event's rows, in the order the matrix shows them. */
export function matrixRows(rows: readonly Verdict[], names: Readonly<Record<string, string>>): { clauses: string[]; rows: MatrixRow[] } {
  const clauses = [...new Set(rows.map((v) => v.clause))];
  const obligors = [...new Set(rows.map((v) => v.obligor))];
  const nameOf = (o: string) => names[o] ?? rows.find((v) => v.obligor === o)?.obligorName ?? o;
  obligors.sort((a, b) => nameOf(a).localeCompare(nameOf(b), 'en'));
  return {
    clauses,
    rows: obligors.map((obligor) => ({
      obligor,
      name: nameOf(obligor),
      cells: new Map(rows.filter((v) => v.obligor === obligor).map((v) => [v.clause, v])),
    })),
  };
}

/** What a row looks like across the clauses: rows that look the same can share a line. */
function signature(row: MatrixRow, clauses: readonly string[]): string {
  return clauses.map((c) => {
    const v = row.cells.get(c);
    return v ? `${v.status}/${v.assessment}/${v.reading ?? ''}` : '-';
  }).join(' ');
}

/**
 * Fold rows with the same signature into groups (when there are more than
 * GROUP_ABOVE rows); `flipped` rows and lone rows stay rows. A group takes the
 * place of its first row; its key is its signature, so it stays open across redraws.
 */
export function groupRows(rows: readonly MatrixRow[], clauses: readonly string[], flipped: ReadonlySet<string>, opened: readonly string[]): MatrixLine[] {
  if (rows.length <= GROUP_ABOVE) return rows.map((row) => ({ kind: 'row', row }));
  const bySignature = new Map<string, MatrixRow[]>();
  for (const row of rows) {
    if (flipped.has(row.obligor)) continue;
    const sig = signature(row, clauses);
    bySignature.set(sig, [...(bySignature.get(sig) ?? []), row]);
  }
  const lines: MatrixLine[] = [];
  const placed = new Set<string>();
  for (const row of rows) {
    const sig = signature(row, clauses);
    const group = flipped.has(row.obligor) ? undefined : bySignature.get(sig);
    if (!group || group.length < 2) {
      lines.push({ kind: 'row', row });
      continue;
    }
    if (placed.has(sig)) continue;
    placed.add(sig);
    lines.push({ kind: 'group', key: sig, rows: group, sample: group[0]!, open: opened.includes(sig) });
  }
  return lines;
}
