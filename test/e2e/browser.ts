import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core';
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
  return openApp(context);
}

/** The app in a new page of a context: a second window, or the app started again after one closed. */
export async function openApp(context: BrowserContext): Promise<Page> {
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

/** The language switch's buttons, in the order screens are shot: English last, the tests' own. */
export const LANGUAGE_BUTTONS = [
  ['kk', 'Қазақша'],
  ['ru', 'Русский'],
  ['en', 'English'],
] as const;

/** Switches the UI with the top bar's language button and waits until the page says so. */
export async function switchLanguage(page: Page, lang: (typeof LANGUAGE_BUTTONS)[number][0]) {
  const [, button] = LANGUAGE_BUTTONS.find(([l]) => l === lang)!;
  await page.getByRole('button', { name: button }).first().click();
  await page.locator(`html[lang="${lang}"]`).waitFor();
}

/**
 * Shoots the page in kk, ru and en as screenshots/<name>-<lang>.png, English last; `ready` waits
 * for what the shot must show (a figure computed in a worker, say) after each switch.
 */
export async function shotInLanguages(page: Page, name: string, ready?: () => Promise<unknown>) {
  for (const [lang] of LANGUAGE_BUTTONS) {
    await switchLanguage(page, lang);
    await ready?.();
    await shot(page, `${name}-${lang}`);
  }
}

/** Goes to a screen with the sidebar's button of that name. */
export const nav = (page: Page, name: string) =>
  // The sidebar: the way onward at the end of a screen is a navigation landmark too.
  page.locator('nav.sidebar').getByRole('button', { name, exact: true }).click();

/** Clicks `button` (a name, or a locator) and gives the file chooser that opens these files. */
export async function chooseFiles(
  page: Page,
  button: string | Locator,
  files: readonly { name: string; buffer: Buffer; mimeType?: string }[],
) {
  const chooser = page.waitForEvent('filechooser');
  await (typeof button === 'string' ? page.getByRole('button', { name: button }) : button).click();
  await (await chooser).setFiles(files.map((file) => ({ mimeType: 'application/octet-stream', ...file })));
}

/** Clicks `button` and returns the name and bytes of the file the web platform downloads. */
export async function download(page: Page, button: Locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return { name: file.suggestedFilename(), buffer: readFileSync((await file.path())!) };
}

/** One axe-core finding, reduced to what a failing test should print. */
export interface AxeFinding {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

const AXE_SOURCE = readFileSync(fileURLToPath(import.meta.resolve('axe-core/axe.min.js')), 'utf8');

/**
 * Runs axe-core (WCAG 2.x A and AA rules and best practices) on the page as it is and returns
 * the serious and critical findings; a test expects none.
 */
export async function axeSerious(page: Page): Promise<AxeFinding[]> {
  // Evaluated through the debugging protocol: the app's content security policy refuses inline scripts.
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({
        id: v.id,
        impact: v.impact!,
        help: v.help,
        targets: v.nodes.map((node) => node.target.join(' ')),
      }));
  });
}
