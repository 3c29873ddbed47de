/**
 * The contested readings the classroom page offers for one event, as data:
 * for each clause shown in the matrix, the readings in its treaty file (label,
 * who holds each, sources), whether each can apply to the wording in force on
 * the event's date, and which are switched on. A reading is not a what-if
 * change to the facts: it is passed to the core as `interpretations`, the way
 * `casus run --interpretation ID` does. Pure: no DOM.
 */
import { versionOn } from '../core/index.js';
import { interpretationsOf } from '../core/interpretations.js';
import type { Model } from '../core/index.js';
import type { Interpretation, Reading as DefaultReading } from '../schema/treaty.js';

export interface ReadingOption {
  /** The interpretation id, the name `--interpretation` takes. */
  id: string;
  /** treaty/clause */
  clause: string;
  article: string;
  clauseTitle: string;
  label: string;
  heldBy: readonly string[];
  sources: Interpretation['sources'];
  /** False where the reading reads a later wording than the one in force on the event's date. */
  applies: boolean;
  /** The first date of the wording it reads, when it reads only some. */
  versionsFrom?: string;
}

export interface ClauseReadings {
  clause: string;
  article: string;
  clauseTitle: string;
  /** The reading the casebook's verdicts follow, where the treaty file states it. */
  defaultReading?: DefaultReading;
  readings: ReadingOption[];
}

/**
 * The readings of the given clauses (in the order given, as the matrix shows
 * them) on a date; clauses without contested readings are left out.
 */
export function readingsFor(model: Model, clauses: readonly string[], date: string): ClauseReadings[] {
  const all = interpretationsOf(model.treaties);
  const out: ClauseReadings[] = [];
  for (const ref of clauses) {
    const mine = all.filter((x) => x.clause === ref);
    if (!mine.length) continue;
    const clause = mine[0]!.clauseValue;
    const inForce = versionOn(clause, date);
    out.push({
      clause: ref,
      article: clause.article,
      clauseTitle: clause.title,
      ...(clause.defaultReading ? { defaultReading: clause.defaultReading } : {}),
      readings: mine.map(({ reading }) => ({
        id: reading.id,
        clause: ref,
        article: clause.article,
        clauseTitle: clause.title,
        label: reading.label.trim(),
        heldBy: reading.heldBy,
        sources: reading.sources,
        applies: reading.versionsFrom === undefined || (inForce?.from ?? date) >= reading.versionsFrom,
        ...(reading.versionsFrom !== undefined ? { versionsFrom: reading.versionsFrom } : {}),
      })),
    });
  }
  return out;
}

/**
 * Switch one reading on or off. A clause is read one way at a time (the core
 * applies the first selected reading of a clause), so switching a reading on
 * switches off the other readings of the same clause. The result keeps the
 * order the readings are listed in, so the same choices give the same text.
 */
export function switchReading(offered: readonly ClauseReadings[], selected: readonly string[], id: string, on: boolean): string[] {
  const clause = offered.find((c) => c.readings.some((r) => r.id === id));
  if (!clause) return [...selected];
  const sameClause = new Set(clause.readings.map((r) => r.id));
  const kept = selected.filter((s) => (on ? !sameClause.has(s) : s !== id));
  const next = new Set(on ? [...kept, id] : kept);
  const order = offered.flatMap((c) => c.readings.map((r) => r.id));
  return [...next].sort((a, b) => order.indexOf(a) - order.indexOf(b));
}

/** The readings switched on that this event can be judged under (known, and applying on its date). */
export function readingsInEffect(offered: readonly ClauseReadings[], selected: readonly string[]): ReadingOption[] {
  return offered.flatMap((c) => c.readings).filter((r) => r.applies && selected.includes(r.id));
}

/**
 * The comment a copied what-if file carries when readings were on: the file
 * holds the changes only (`casus what-if` judges it on the casebook's reading),
 * so it says which reading the page's verdicts were judged under.
 */
export function readingComment(inEffect: readonly ReadingOption[], base: string): string | undefined {
  if (!inEffect.length) return undefined;
  const ids = inEffect.map((r) => r.id);
  return [
    `judged under the reading${ids.length > 1 ? 's' : ''}: ${ids.join(', ')}`,
    `(a reading is not a change, so this file does not carry it; casus run ${base} ${ids.map((id) => `--interpretation ${id}`).join(' ')} applies it)`,
  ].join('\n# ');
}
