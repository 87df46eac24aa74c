// The screens that show sums over every coding, at the scale of issue 13, in Chromium (run from
// scale.bench.ts; KODTAU_BENCH_SCREENS takes `screens`): Study overview, Projects, Packages (the
// sample plan's observed shares) and Codebook (each category's uses). Each figure is the user's
// time from the click in the sidebar to the frame that shows the screen's figures, with the
// longest main-thread block in it.
import type { Page } from 'playwright-core';
import { goTo, type Timed } from './chromiumApp.ts';

type Record = (name: string, samples: Timed[], targetMs: number) => void;
type Time = (act: () => void, done: () => boolean, timeoutMs?: number) => Promise<Timed>;

/** Each screen: its button in the sidebar, and what it shows once its figures are in. */
const SCREENS = [
  { name: 'overview: open to the figures', nav: 'Study overview', figures: 'overview' },
  { name: 'projects: open to the codings counted', nav: 'Projects', figures: 'projects' },
  { name: 'packages: open to the sample plan', nav: 'Packages', figures: 'packages' },
  { name: 'codebook: open to the uses counted', nav: 'Codebook', figures: 'codebook' },
] as const;

/** Opens each screen from Settings `runs` times when `screens` names `screens`. */
export async function measureSummaryScreens(
  page: Page,
  screens: readonly string[],
  runs: number,
  record: Record,
): Promise<void> {
  if (!screens.includes('screens')) return;
  for (const screen of SCREENS) {
    const samples: Timed[] = [];
    for (let run = 0; run < runs; run++) {
      await page.evaluate(goTo, 'settings');
      samples.push(await page.evaluate(openScreen, screen));
    }
    record(screen.name, samples, 1000);
  }
}

/** Runs in the page: clicks the screen's button; times until its figures are shown (no "Counting…" left). */
async function openScreen(screen: { nav: string; figures: string }): Promise<Timed> {
  const button = [...document.querySelectorAll('nav button')].find(
    (b) => b.textContent?.trim() === screen.nav,
  );
  const texts = (selector: string) =>
    [...document.querySelectorAll(selector)].map((element) => element.textContent ?? '');
  const shown: { [figures: string]: () => boolean } = {
    overview: () =>
      !!document.querySelector('.overview .next-action') &&
      texts('.pipeline .step-figure').length === 7 &&
      texts('.pipeline .step-figure').every((text) => !text.includes('Counting')),
    projects: () => texts('.project-list dd').some((text) => /\d codings?$/.test(text)),
    packages: () => texts('.sample-plan tbody tr').length > 0,
    codebook: () => texts('.uses').length > 0,
  };
  return (window as unknown as { kodtauTime: Time }).kodtauTime(
    () => (button as HTMLElement).click(),
    shown[screen.figures]!,
  );
}
