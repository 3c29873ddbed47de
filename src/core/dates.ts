/** Dated intervals. Pure. ISO dates compare correctly as strings. */

export interface Dated { from?: string | undefined; until?: string | undefined }

/** True when `date` falls in [from, until): `until` is the first day it no longer holds. */
export function isActiveOn(interval: Dated, date: string): boolean {
  return (interval.from === undefined || interval.from <= date) && (interval.until === undefined || date < interval.until);
}

/** Of the intervals active on `date`, the one that began last (later entries win ties). */
export function latestActive<T extends Dated>(items: readonly T[], date: string): T | undefined {
  let best: T | undefined;
  for (const item of items) {
    if (!isActiveOn(item, date)) continue;
    if (best === undefined || (item.from ?? '') >= (best.from ?? '')) best = item;
  }
  return best;
}
