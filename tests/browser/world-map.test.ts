/**
 * The map on the page, in Chromium (see chromium.ts): an SVG with a shape per
 * party, coloured and marked by the party's status in the matrix, the attacked
 * place ringed, frozen parties named, the states today's map has no shape for
 * listed beside it, and a note that the borders are today's. Screenshots saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SKIP_BROWSER, shot, startSession, type Session } from './chromium.js';

const P720 = { width: 1280, height: 720 };

/** Each party shape on the map: its state, status and fill as drawn. */
const mapParties = (page: Page) => page.locator('.world-map path.party').evaluateAll((els) =>
  els.map((el) => ({ state: el.getAttribute('data-state')!, status: el.getAttribute('data-status')!, fill: getComputedStyle(el).fill, cls: el.getAttribute('class')! })));

/** The matrix's cells under one clause: obligor code to status. */
const matrixStatuses = (page: Page, clause: string) => page.locator(`.matrix .cell[data-key^="cell:${clause}|"]`).evaluateAll((els) =>
  Object.fromEntries(els.map((el) => [el.getAttribute('data-key')!.split('|')[1]!, el.getAttribute('data-status')!])));

describe.skipIf(SKIP_BROWSER)('the map, in Chromium', () => {
  let session: Session;
  beforeAll(async () => { session = await startSession(); }, 60_000);
  afterAll(async () => { await session?.stop(); });

  it('Armenia 2022: every CST party is a shape coloured by its Article 4 status, as in the matrix; Armenia is ringed and Azerbaijan hatched as the attacker', async () => {
    const page = await session.open('#armenia-border-2022/offensive', P720);
    await page.locator('.world-map').waitFor();
    expect(await page.locator('.picture select[data-key="picture-clause"]').inputValue()).toBe('cst/art-4');
    const parties = await mapParties(page);
    const matrix = await matrixStatuses(page, 'cst/art-4');
    // Every obligor of the clause has a shape with the matrix's status; the attacked and the attacker have theirs too.
    expect(Object.keys(matrix).length).toBeGreaterThanOrEqual(5);
    for (const [state, status] of Object.entries(matrix)) expect(parties.find((p) => p.state === state)?.status, state).toBe(status);
    expect(parties.map((p) => p.state)).toEqual(expect.arrayContaining(['ARM', 'AZE', 'RUS']));
    expect(parties.find((p) => p.state === 'ARM')!.cls).toContain('target');
    expect(parties.find((p) => p.state === 'AZE')!.cls).toContain('attacker');
    // Same status, same colour; different status, different colour; and a mark on each judged party.
    const fillOf = (status: string) => new Set(parties.filter((p) => p.status === status).map((p) => p.fill));
    expect(fillOf('obliged').size).toBe(1);
    expect(fillOf('not-obliged').size).toBe(1);
    expect([...fillOf('obliged')][0]).not.toBe([...fillOf('not-obliged')][0]);
    expect(await page.locator('.world-map .map-mark').count()).toBeGreaterThanOrEqual(Object.keys(matrix).length);
    expect(await page.locator('.world-map .place-marker').count()).toBeGreaterThan(0);
    expect(await page.locator('.world-map .map-word', { hasText: 'suspended' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.picture .borders').innerText()).toContain('Natural Earth');
    await page.locator('.picture').scrollIntoViewIfNeeded();
    await shot(page, '14-map-armenia-2022');
    await page.close();
  });

  it('Czechoslovakia 1968: the borders are said to be today\'s, and the states with no shape today are listed beside the map', async () => {
    const page = await session.open('#czechoslovakia-1968/invasion', P720);
    await page.locator('.world-map').waitFor();
    expect(await page.locator('.picture .borders').innerText()).toMatch(/Borders are today's .* not those of 1968-08-2\d/);
    const off = await page.locator('.picture .off-map').innerText();
    expect(off).toContain('Czechoslovakia (attacked)');
    expect(off).toContain('German Democratic Republic');
    // The Soviet Union's successor shape carries the Warsaw Pact's verdict like any other party.
    const parties = await mapParties(page);
    expect(parties.map((p) => p.state)).toEqual(expect.arrayContaining(['RUS', 'POL', 'HUN', 'BGR']));
    await page.locator('.picture').scrollIntoViewIfNeeded();
    await shot(page, '15-map-czechoslovakia-1968');
    await page.close();
  });

  it('NATO 2014-2025: a shape per ally, each with the status its Article 5 cell shows; Crimea is ringed', async () => {
    const page = await session.open('#nato-article-4-2014-2025', P720);
    await page.locator('.world-map').waitFor();
    const clause = await page.locator('.picture select[data-key="picture-clause"]').inputValue();
    const parties = await mapParties(page);
    const judged = parties.filter((p) => p.status);
    expect(judged.length).toBeGreaterThanOrEqual(25);
    expect(new Set(judged.map((p) => p.status)).size).toBeGreaterThanOrEqual(1);
    // Grouped rows hide cells; those shown agree with the map.
    const matrix = await matrixStatuses(page, clause);
    for (const [state, status] of Object.entries(matrix)) {
      const shape = parties.find((p) => p.state === state);
      if (shape) expect(shape.status, state).toBe(status);
    }
    expect(await page.locator('.world-map .place-name').first().textContent()).toContain('Crimea');
    await page.locator('.picture').scrollIntoViewIfNeeded();
    await shot(page, '16-map-nato-2014');
    await page.close();
  });

  it('raised no error in any page', () => expect(session.errors).toEqual([]));
});
