/**
 * The page in Russian, in Chromium (see chromium.ts): chosen by the browser's
 * language (a Russian-speaking browser opens in Russian) or by the switch; the
 * start screen, a lesson step's texts, the matrix's words and state names from
 * i18n-iso-countries. The verdicts are the same in either language.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/cli.js';
import { ARTIFACTS, SKIP_BROWSER, shot, startSession, type Session } from './chromium.js';

const P720 = { width: 1280, height: 720 };

describe.skipIf(SKIP_BROWSER)('the page in Russian, in Chromium', () => {
  let session: Session;
  beforeAll(async () => { session = await startSession(); }, 60_000);
  afterAll(async () => { await session?.stop(); });

  it('a Russian browser opens the start screen in Russian, with the lessons\' Russian titles', async () => {
    const page = await session.browser.newPage({ viewport: P720, locale: 'ru-RU' });
    page.on('pageerror', (e) => session.errors.push(String(e)));
    await page.goto(`${session.server.url}`);
    await page.locator('.start').waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('ru');
    expect(await page.locator('.start h1').innerText()).toBe('Кто был обязан помочь?');
    const text = await page.locator('.start').innerText();
    expect(text).toContain('Почему никто не помог Армении в 2023 году');
    expect(text).toContain('Что считается нападением на НАТО');
    expect(text).toContain('Случаи по датам');
    await page.screenshot({ path: join(ARTIFACTS, '17-ru-start-screen.png') });
    await page.close();
  });

  it('a lesson step in Russian: its title, what the teacher reads, the question, the statuses and state names', async () => {
    const page = await session.browser.newPage({ viewport: P720, locale: 'ru-RU' });
    page.on('pageerror', (e) => session.errors.push(String(e)));
    await page.goto(`${session.server.url}#lesson/armenia-2022-2023/6`);
    await page.locator('.lesson').waitFor();
    await page.locator('.matrix').waitFor();
    expect(await page.locator('.lesson-step').innerText()).toBe('Шаг 6 из 7: Обязаны, но обязательство не выполнено');
    expect(await page.locator('.lesson .say').innerText()).toContain('Беларусь, Казахстан, Киргизия, Россия и Таджикистан были обязаны помочь');
    expect(await page.locator('#lesson-next').innerText()).toBe('Дальше →');
    // The matrix in Russian words; the verdict is the same one (its code does not change).
    const russia = page.locator('[data-key="cell:cst/art-4|RUS"]');
    expect(await russia.getAttribute('data-status')).toBe('obliged');
    expect(await russia.innerText()).toContain('обязан');
    expect(await russia.innerText()).toContain('не выполнил');
    expect(await page.locator('tr[data-obligor="RUS"] .state-name').innerText()).toBe('Россия');
    expect(await page.locator('tr[data-obligor="KAZ"] .state-name').innerText()).toBe('Казахстан');
    await shot(page, '18-ru-lesson-armenia-step-6');
    // A question step: the Russian question.
    await page.goto(`${session.server.url}#lesson/armenia-2022-2023/5`);
    await expect.poll(() => page.locator('.lesson .ask').innerText()).toContain('Кто из союзников на этот раз был обязан помочь Армении');
    await page.close();
  });

  it('the switch changes the language and keeps it; the case stays where it was', async () => {
    const page = await session.open('#armenia-border-2022/offensive', P720);
    expect(await page.locator('.matrix-panel h2').innerText()).toBe('Who was obliged to help?');
    await page.locator('select[data-key="language"]').selectOption('ru');
    await expect.poll(() => page.locator('.matrix-panel h2').innerText()).toBe('Кто был обязан помочь?');
    expect(new URL(page.url()).hash).toBe('#armenia-border-2022/offensive');
    await page.reload();
    await page.locator('.matrix').waitFor();
    expect(await page.locator('.matrix-panel h2').innerText()).toBe('Кто был обязан помочь?');
    await page.locator('select[data-key="language"]').selectOption('en');
    await expect.poll(() => page.locator('.matrix-panel h2').innerText()).toBe('Who was obliged to help?');
    await page.close();
  });

  it('axe-core finds no violation in Russian, on the start screen and on a lesson step with the map', async () => {
    const axe = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    // bypassCSP: only to inject axe (the page's policy allows no inline script).
    const page = await session.browser.newPage({ viewport: P720, locale: 'ru-RU', bypassCSP: true });
    page.on('pageerror', (e) => session.errors.push(String(e)));
    for (const [hash, wait] of [['', '.start'], ['#lesson/armenia-2022-2023/6', '.world-map']] as const) {
      await page.goto(`${session.server.url}${hash}`);
      await page.locator(wait).first().waitFor();
      await page.addScriptTag({ content: axe });
      const result = (await page.evaluate('axe.run(document, { resultTypes: ["violations"] })')) as { violations: Array<{ id: string; nodes: Array<{ target: string[] }> }> };
      expect(result.violations.map((v) => `${hash || 'start'}: ${v.id} at ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    }
    await page.close();
  }, 120_000);

  it('raised no error in any page', () => expect(session.errors).toEqual([]));
});
