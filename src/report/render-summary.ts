/** The `casus run --summary` view: reliability counts and what they cannot tell. Pure. */
import type { Reliability, ReliabilityRow } from '../core/reliability.js';
import { pad, PLAIN, type Style } from './style.js';
import { safeData } from '../core/safe-text.js';

const percent = (r: number | null) => (r === null ? '-' : `${Math.round(r * 1000) / 10}%`);

function table(title: string, rows: readonly ReliabilityRow[], total: ReliabilityRow, s: Style): string[] {
  const header = [title, 'obliged', 'settled', 'contested', 'honored', 'unmet', 'unrecorded', 'beyond duty', 'honored/(honored+unmet)', 'settled only'];
  const body = [...rows, total].map((r) => [
    r.key, String(r.obliged), String(r.obliged - r.contested), String(r.contested), String(r.honored), String(r.unmet),
    String(r.unrecorded), String(r.beyondDuty), percent(r.rate), percent(r.settledRate),
  ]);
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r, ri) => {
    const line = r.map((c, i) => (i === 0 ? pad(c, widths[i]! + 2) : pad(c.padStart(widths[i]!), widths[i]! + 2))).join('').trimEnd();
    return `  ${ri === 0 ? s.dim(line) : ri === all.length - 1 ? s.bold(line) : line}`;
  });
}

export const NOT_A_SAMPLE = [
  'A casebook is not a sample. These cases were chosen because they teach something about the',
  'clauses, not drawn from all the occasions on which an ally could have been called on, and one',
  'event yields a row for every party, so a large alliance weighs more than a small one. The rates',
  'above describe these files and nothing beyond them. For what a sample gives, see Leeds, Long and',
  'Mitchell, "Reevaluating Alliance Reliability: Specific Threats, Specific Promises", Journal of',
  'Conflict Resolution 44(5), 2000, pp. 686-699 (obligations read clause by clause, 1816-1944:',
  'honored about 74.5% of the time), and Berkemeier and Fuhrmann, "Reassessing the fulfillment of',
  'alliance commitments in war", Research & Politics 5(2), 2018 (1816-2003: about 50% overall,',
  '66% before 1945 and 22% from 1945 to 2003; defence pacts 41%).',
];

export function renderSummary(r: Reliability, s: Style = PLAIN): string {
  r = safeData(r); // text from files is shown, never obeyed (a title holding ESC [2J)
  const out: string[] = [
    s.bold(`Reliability in ${r.scenarios} scenario${r.scenarios === 1 ? '' : 's'}, ${r.events} event${r.events === 1 ? '' : 's'}, ${r.rows} rows`),
    s.dim('  one row is one obligor under one clause for one event; "obliged" rows only are counted as honored, unmet or unrecorded'),
    s.dim('  contested: an obligation some named reading of the clause would deny; "settled only" is the rate without them'),
    '',
    ...table('treaty', r.byTreaty, r.total, s),
    '',
    ...table('decade', r.byDecade, r.total, s),
    '',
    ...NOT_A_SAMPLE,
  ];
  return out.join('\n') + '\n';
}
