/** The matrix's rows: by name, and in a big case same-verdict rows folded into one line, never a flipped one. */
import { describe, expect, it } from 'vitest';
import { simulateScenario } from '../../src/core/index.js';
import { GROUP_ABOVE, groupRows, matrixRows } from '../../src/web/matrix-rows.js';
import { SCENARIOS, scenariosAt } from '../helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);
const byId = (id: string) => scenarios.find((s) => s.id === id)!;

describe('matrix rows', () => {
  it('Armenia 2022: six rows by state name, none folded', async () => {
    const r = await simulateScenario(model, byId('armenia-border-2022'));
    const { rows, clauses } = matrixRows(r.verdicts, {});
    expect(rows.map((x) => x.name)).toEqual(['Belarus', 'Kazakhstan', 'Kyrgyzstan', 'Russia', 'Tajikistan', 'Uzbekistan']);
    expect(groupRows(rows, clauses, new Set(), []).every((l) => l.kind === 'row')).toBe(true);
  });

  it('NATO 2022: rows with the same verdicts in every column share a line; every row is in exactly one line', async () => {
    const r = await simulateScenario(model, byId('nato-article-4-2014-2025'));
    const { rows, clauses } = matrixRows(r.verdicts.filter((v) => v.event === 'full-scale-invasion'), {});
    expect(rows.length).toBeGreaterThan(GROUP_ABOVE);
    const lines = groupRows(rows, clauses, new Set(), []);
    expect(lines.length).toBeLessThanOrEqual(8);
    const covered = lines.flatMap((l) => (l.kind === 'row' ? [l.row.obligor] : l.rows.map((x) => x.obligor)));
    expect(covered.sort()).toEqual(rows.map((x) => x.obligor).sort());
    for (const l of lines) {
      if (l.kind !== 'group') continue;
      for (const x of l.rows) for (const c of clauses) expect(x.cells.get(c)?.status).toBe(l.sample.cells.get(c)?.status);
    }
    // A flipped row stands on its own line.
    const flipped = rows[0]!.obligor;
    expect(groupRows(rows, clauses, new Set([flipped]), []).some((l) => l.kind === 'row' && l.row.obligor === flipped)).toBe(true);
  });
});
