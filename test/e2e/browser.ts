import { mkdirSync } from 'node:fs';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';

const CHROMIUM = process.env.KODTAU_CHROMIUM ?? '/usr/bin/chromium';

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
}

/** A page in a fresh context (its own, empty IndexedDB) with the given system language. */
export async function newPage(browser: Browser, locale = 'en-GB'): Promise<Page> {
  const context = await browser.newContext({ locale, viewport: { width: 1360, height: 860 } });
  const page = await context.newPage();
  page.on('pageerror', (error) => {
    throw error;
  });
  await page.goto(`${inject('baseUrl')}/`);
  return page;
}

/** Where screenshots go for a person to look at; not committed. */
export const SCREENSHOTS = 'screenshots';

/**
 * Starts Chromium before a test file's tests and closes it after them. Returns `newPage`:
 * a page in a fresh context (its own, empty IndexedDB) with the given system language.
 */
export function useBrowser(): (locale?: string) => Promise<Page> {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(() => browser?.close());
  return (locale) => newPage(browser!, locale);
}

/** Saves a screenshot of the whole page as screenshots/<name>.png. */
export function shot(page: Page, name: string): Promise<Buffer> {
  return page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}
