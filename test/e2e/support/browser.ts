/**
 * Debian's chromium through playwright-core, with the network shut: every request that is not
 * to the local test server is aborted and remembered, so a test can assert that the page tried
 * nothing but Microsoft's office.js CDN.
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
export const OFFICE_CDN = 'https://appsforoffice.microsoft.com/';

export async function launch(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium fonts-noto-cjk`);
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
}

export interface GuardedPage {
  context: BrowserContext;
  page: Page;
  /** URLs of requests that left 127.0.0.1 (all of them were aborted). */
  outside: string[];
  /** Console errors, e.g. Content-Security-Policy refusals. */
  consoleErrors: string[];
}

export async function openPage(
  browser: Browser,
  url: string,
  viewport: { width: number; height: number },
  /** Runs before the page opens, e.g. to add init scripts. */
  prepare?: (context: BrowserContext) => Promise<void>,
): Promise<GuardedPage> {
  const context = await browser.newContext({ viewport, acceptDownloads: true, locale: 'zh-CN' });
  await prepare?.(context);
  const outside: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', (route) => {
    const u = route.request().url();
    if (u.startsWith('http://127.0.0.1:') || u.startsWith('blob:') || u.startsWith('data:')) return route.continue();
    outside.push(u);
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error') consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => consoleErrors.push(`pageerror: ${e.message}`));
  await page.goto(url);
  return { context, page, outside, consoleErrors };
}
