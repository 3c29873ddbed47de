/**
 * The page in real Chromium (Debian's package, driven by playwright-core),
 * served by `casus serve` on a free loopback port. Without Chromium the browser
 * tests fail, unless the run says CASUS_SKIP_BROWSER=1. Screenshots and figures
 * go to test-artifacts/browser/.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { ROOT } from '../helpers/cli.js';
import { startServe, type Running } from '../helpers/serve.js';

export const CHROMIUM = '/usr/bin/chromium';
export const ARTIFACTS = join(ROOT, 'test-artifacts', 'browser');
export const SKIP_BROWSER = process.env.CASUS_SKIP_BROWSER === '1';
if (SKIP_BROWSER) console.warn('browser tests skipped: CASUS_SKIP_BROWSER=1');

export interface Session {
  server: Running;
  browser: Browser;
  errors: string[];
  open(hash?: string, viewport?: { width: number; height: number }, wait?: string, bypassCSP?: boolean): Promise<Page>;
  stop(): Promise<void>;
}

export async function startSession(): Promise<Session> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const server = await startServe(['--port', '0']);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  const errors: string[] = [];
  return {
    server, browser, errors,
    // bypassCSP: only for injecting a test's own script (axe-core); the page's policy allows none inline.
    async open(hash = '', viewport = { width: 1600, height: 900 }, wait = '.matrix', bypassCSP = false) {
      const page = await browser.newPage({ viewport, bypassCSP });
      page.on('pageerror', (e) => errors.push(String(e)));
      page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
      await page.goto(`${server.url}${hash}`);
      await page.locator(wait).first().waitFor();
      return page;
    },
    async stop() {
      await browser.close();
      await server.stop();
    },
  };
}

export const cell = (page: Page, clause: string, obligor: string) => page.locator(`[data-key="cell:${clause}|${obligor}"]`);
export const shot = (page: Page, name: string) => page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: false });
