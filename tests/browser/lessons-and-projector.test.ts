/**
 * The page as a teacher meets it (see chromium.ts): the start screen, every
 * shipped lesson walked by keyboard, the 1280x720 projector (the matrix, the
 * what-if panel and the open cell's reason inside the viewport), Back and
 * reload keeping a lesson's step, a big case grouped, axe-core with no
 * violation, and the page's verdicts equal to the command line's on every event.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { Page } from 'playwright-core';
import { simulate } from '../../src/core/index.js';
import { ROOT } from '../helpers/cli.js';
import { SCENARIOS, scenariosAt } from '../helpers/project.js';
import { SKIP_BROWSER, cell, shot, startSession, type Session } from './chromium.js';

const P720 = { width: 1280, height: 720 };
const lesson = (file: string) => parse(readFileSync(join(ROOT, 'scenarios', 'lessons', file), 'utf8')) as { id: string; title: string; steps: Array<{ title: string; case: string; cell?: { clause: string; obligor: string } }> };
const LESSONS = [lesson('armenia-2022-2023.yaml'), lesson('what-counts-as-an-attack-on-nato.yaml'), lesson('why-italy-stayed-out-1914.yaml')];

/** Every element's box lies inside the viewport. */
async function inView(page: Page, selector: string): Promise<boolean> {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize()!;
  return box !== null && box.x >= 0 && box.y >= 0 && box.x + box.width <= size.width + 0.5 && box.y + box.height <= size.height + 0.5;
}

describe.skipIf(SKIP_BROWSER)('lessons and the projector, in Chromium', () => {
  let session: Session;
  beforeAll(async () => { session = await startSession(); }, 60_000);
  afterAll(async () => { await session?.stop(); });

  it('opens on a start screen with the lessons and the cases by date, each with a one-line teaser', async () => {
    const page = await session.open('', P720, '.start');
    expect(await page.locator('[data-lesson]').count()).toBe(LESSONS.length);
    expect(await page.locator('.start').innerText()).toContain('Why no one helped Armenia in 2023, and who should have in 2022');
    const cases = page.locator('[data-case]');
    const { scenarios } = scenariosAt(SCENARIOS);
    expect(await cases.count()).toBe(scenarios.length);
    const years = (await cases.locator('.date').allTextContents()).map(Number);
    expect(years).toEqual([...years].sort((a, b) => a - b));
    expect((await cases.locator('.teaser').allTextContents()).every((t) => t.length > 10)).toBe(true);
    await shot(page, '10-start-screen');
    await page.locator('[data-case="armenia-border-2022"]').click();
    await page.locator('.matrix').waitFor();
    await page.goBack();
    await page.locator('.start').waitFor();
    await page.close();
  });

  for (const l of LESSONS) {
    it(`walks the lesson "${l.title}" end to end with the arrow keys at 1280x720`, async () => {
      const page = await session.open(`#lesson/${l.id}/1`, P720, '.lesson');
      for (let i = 0; i < l.steps.length; i++) {
        const step = l.steps[i]!;
        await expect.poll(() => page.locator('.lesson').getAttribute('data-step')).toBe(String(i + 1));
        expect(await page.locator('.lesson-step').innerText()).toContain(step.title);
        expect(new URL(page.url()).hash).toBe(`#lesson/${l.id}/${i + 1}`);
        await page.locator('.matrix-panel').waitFor();
        if (step.cell) {
          await page.locator('#explanation .reason-line').waitFor();
          expect(await inView(page, '#explanation .reason-line')).toBe(true);
        }
        await shot(page, `11-${l.id}-step-${i + 1}`);
        await page.locator('body').press('ArrowRight');
      }
      // Back returns to the step before; a reload keeps the step.
      await page.goBack();
      await expect.poll(() => page.locator('.lesson').getAttribute('data-step')).toBe(String(l.steps.length - 1));
      await page.reload();
      await expect.poll(() => page.locator('.lesson').getAttribute('data-step')).toBe(String(l.steps.length - 1));
      await page.locator('body').press('ArrowLeft');
      await expect.poll(() => page.locator('.lesson').getAttribute('data-step')).toBe(String(l.steps.length - 2));
      await page.close();
    });
  }

  it('at 1280x720 Armenia 2022 shows the whole matrix, the what-if panel and the open cell\'s reason without scrolling', async () => {
    const page = await session.open('#armenia-border-2022/offensive', P720);
    await cell(page, 'cst/art-4', 'RUS').click();
    await page.locator('#explanation .reason-line').waitFor();
    expect(await page.evaluate('window.scrollY')).toBe(0);
    expect(await inView(page, 'table.matrix')).toBe(true);
    expect(await inView(page, '.what-if h2')).toBe(true);
    expect(await inView(page, '#explanation .reason-line')).toBe(true);
    await shot(page, '12-720p-armenia-2022');
    await page.close();
  });

  it('groups the same-verdict rows of a big case; a group opens on click; the column heads stay in view', async () => {
    const page = await session.open('#nato-article-4-2014-2025/full-scale-invasion', P720);
    const groups = page.locator('.group-line');
    expect(await groups.count()).toBeGreaterThan(0);
    const rowsBefore = await page.locator('.matrix tbody tr[data-obligor]').count();
    await groups.first().locator('button').click();
    await expect.poll(() => page.locator('.matrix tbody tr[data-obligor]').count()).toBeGreaterThan(rowsBefore);
    await page.mouse.wheel(0, 400);
    await expect.poll(() => page.evaluate('window.scrollY')).toBeGreaterThan(0);
    const head = await page.locator('.matrix thead th').first().boundingBox();
    expect(head!.y).toBeGreaterThanOrEqual(-1);
    await shot(page, '13-nato-grouped');
    await page.close();
  });

  it('axe-core finds no violation on the start screen, a case with its reasons open, a lesson and a revealed prediction', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    const check = async (page: Page, where: string) => {
      await page.addScriptTag({ content: axe });
      const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
      expect(result.violations.map((v) => `${where}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    };
    const start = await session.open('', P720, '.start', true);
    await check(start, 'start');
    await start.close();
    const page = await session.open('#nagorno-karabakh-2023/offensive', P720, '.matrix', true);
    await cell(page, 'cst/art-4', 'RUS').click();
    await page.locator('#explanation').waitFor();
    await check(page, 'case');
    await page.locator('#predict-toggle').click();
    await page.locator('.matrix .cell.guess').first().press('1');
    await page.locator('#reveal').click();
    await page.locator('#score').waitFor();
    await check(page, 'revealed');
    await page.close();
    const inLesson = await session.open(`#lesson/${LESSONS[1]!.id}/2`, P720, '.lesson', true);
    await inLesson.locator('#explanation').waitFor();
    await check(inLesson, 'lesson');
    await inLesson.close();
  }, 180_000);

  it('the page gives the command line\'s verdict on every row of every event of every case', async () => {
    const { model, scenarios } = scenariosAt(SCENARIOS);
    const report = await simulate(model, scenarios);
    const page = await session.open('', { width: 1600, height: 900 }, '.start');
    let rows = 0;
    for (const sr of report.scenarios) {
      for (const e of sr.events) {
        await page.evaluate(`location.hash = ${JSON.stringify(`#${sr.id}/${e.id}`)}`);
        await page.locator(`.timeline [aria-current="step"][data-key="event:${e.id}"]`).waitFor();
        await page.locator('.matrix-panel').waitFor();
        // Open every group so every row has its cell.
        for (;;) {
          const closed = page.locator('.group-toggle[aria-expanded="false"]');
          if (!(await closed.count())) break;
          await closed.first().click();
        }
        const shown = Object.fromEntries(await page.locator('.matrix .cell[data-status]').evaluateAll((els) =>
          els.map((el) => [(el as HTMLElement).dataset.key!.replace(/^cell:/, ''), (el as HTMLElement).dataset.status!])));
        const expected = Object.fromEntries(sr.verdicts.filter((v) => v.event === e.id).map((v) => [`${v.clause}|${v.obligor}`, v.status]));
        expect(shown, `${sr.id}/${e.id}`).toEqual(expected);
        rows += Object.keys(expected).length;
      }
    }
    console.log(`page = command line on ${rows} rows of ${report.scenarios.length} cases`);
    expect(rows).toBe(report.scenarios.reduce((n, s) => n + s.verdicts.length, 0));
    await page.close();
  }, 300_000);

  it('raised no error in any page', () => expect(session.errors).toEqual([]));
});
