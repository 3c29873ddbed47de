/**
 * The one order for text in every output. `localeCompare` follows the
 * machine's locale (under cs_CZ "ch" sorts after "h", under et_EE "z" after
 * "s"), so the same input gave rows in another order on another machine. Pure.
 */

/** Order by UTF-16 code units: the same bytes under every locale. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
