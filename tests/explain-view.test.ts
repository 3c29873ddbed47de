/** One explanation view-model: `casus explain` prints it and the page's panel draws it, in words with the codes beside. */
import { describe, expect, it } from 'vitest';
import { explainVerdict } from '../src/core/index.js';
import { explainView } from '../src/report/explain-view.js';
import { renderExplain } from '../src/report/render-explain.js';
import { namesOf } from '../src/report/vocabulary.js';
import { SCENARIOS, scenariosAt } from './helpers/project.js';

const { model, scenarios } = scenariosAt(SCENARIOS);
const byId = (id: string) => scenarios.find((s) => s.id === id)!;

async function explained(scenario: string, event: string, clause: string, obligor: string) {
  const x = await explainVerdict(model, byId(scenario), event, clause, obligor);
  if ('field' in x) throw new Error(`no row: ${x.field}`);
  return x;
}

describe('the explanation view-model', () => {
  it('Karabakh 2023: Russia not obliged under CST Article 4 because the place is not Armenia\'s in its view, in sentences with names', async () => {
    const x = await explained('nagorno-karabakh-2023', 'offensive', 'cst/art-4', 'RUS');
    const v = explainView(x, namesOf(model.world));
    expect(v.clauseName).toBe('CST Article 4 - collective defence');
    expect(v.statusWords).toBe('not obliged');
    const territory = v.tests.find((t) => t.code === 'territory-is-targets')!;
    expect(territory.holds).toBe(false);
    expect(territory.sentence).toBe("In Russia's view, the place was not Armenia's territory.");
    expect(territory.found).toBe("in Russia's view Nagorno-Karabakh is Azerbaijan's");
    expect(v.territory.sovereignName).toBe('Azerbaijan');
    expect(v.wording?.dateNote).toContain('2010-12-10');
    // casus explain prints the same model: every sentence and every code.
    const text = renderExplain(x, undefined, namesOf(model.world));
    for (const t of v.tests) {
      expect(text).toContain(t.sentence);
      expect(text).toContain(`code:     ${t.code}`);
    }
    expect(text).toContain(`On the date: ${v.wording!.dateNote}`);
  });

  it('the 1997 treaty: the wording is flagged as a paraphrase', async () => {
    const v = explainView(await explained('armenia-border-2022', 'offensive', 'ru-am-1997/art-3', 'RUS'));
    expect(v.wording?.paraphraseNote).toContain('no verbatim text was found');
  });

  it('NATO Article 5 on 11 September: the treaty-area test keeps its limbs', async () => {
    const v = explainView(await explained('september-11-2001', 'attacks', 'nato/art-5', 'DEU'));
    expect(v.status).toBe('obliged');
    const area = v.tests.find((t) => t.code === 'in-treaty-area')!;
    expect(area.limbs?.length).toBeGreaterThan(1);
    expect(area.limbs!.some((l) => l.holds)).toBe(true);
  });
});
