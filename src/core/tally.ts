/** Counts over verdicts: obligations that arose and how they were met. Pure. */
import type { Verdict } from './simulate.js';

export interface Tally {
  rows: number;
  obliged: number;
  obligedIfRequested: number;
  notObliged: number;
  honored: number;
  unmet: number;
  beyondDuty: number;
  consistent: number;
  unrecorded: number;
  /** Rows some named reading would give another status (any status). */
  contested: number;
  /** Obliged rows that are contested: an obligation some reading denies. */
  obligedContested: number;
}

export function tally(verdicts: readonly Verdict[]): Tally {
  const t: Tally = { rows: 0, obliged: 0, obligedIfRequested: 0, notObliged: 0, honored: 0, unmet: 0, beyondDuty: 0, consistent: 0, unrecorded: 0, contested: 0, obligedContested: 0 };
  for (const v of verdicts) {
    t.rows++;
    if (v.contested.length) {
      t.contested++;
      if (v.status === 'obliged') t.obligedContested++;
    }
    if (v.status === 'obliged') t.obliged++;
    else if (v.status === 'obliged-if-requested') t.obligedIfRequested++;
    else t.notObliged++;
    if (v.assessment === 'honored') t.honored++;
    else if (v.assessment === 'unmet') t.unmet++;
    else if (v.assessment === 'beyond-duty') t.beyondDuty++;
    else if (v.assessment === 'consistent') t.consistent++;
    else t.unrecorded++;
  }
  return t;
}
