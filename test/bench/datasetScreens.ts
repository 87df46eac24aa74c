// Tables and Export at the scale of issue 13, in Chromium (run from scale.bench.ts; KODTAU_BENCH_SCREENS
// takes `tables` and `export`). Each figure is the user's time from the click to the frame that shows
// the result, with the longest main-thread block in it.
import type { Page } from 'playwright-core';
import { goTo, profiled, type Timed } from './chromiumApp.ts';

type Record = (name: string, samples: Timed[], targetMs: number) => void;
type Time = (act: () => void, done: () => boolean, timeoutMs?: number) => Promise<Timed>;

/** Measures the Tables and Export screens `screens` names, `runs` times each. */
export async function measureDatasetScreens(
  page: Page,
  screens: readonly string[],
  runs: number,
  record: Record,
) {
  const samples = new Map<string, Timed[]>();
  const add = (name: string, timed: Timed) => samples.set(name, [...(samples.get(name) ?? []), timed]);
  // KODTAU_BENCH_PROFILE: a CPU profile of each step's main thread, named after the step.
  const step = async (name: string, run: number, measure: () => Promise<Timed>) =>
    add(name, await profiled(page, `${name.replace(/[^\w]+/g, '-')}-${run + 1}`, measure));
  for (let run = 0; run < (screens.includes('tables') ? runs : 0); run++) {
    await page.evaluate(goTo, 'settings');
    await step('tables: open (regions)', run, () => page.evaluate(openScreen, 'Tables'));
    await step('tables: change table (→ reason, final)', run, () =>
      page.evaluate(choose, ['Table of', 'var:reason']),
    );
    await step('tables: change source (→ majority)', run, () =>
      page.evaluate(choose, ['Codings of', 'majority']),
    );
    await step('tables: cross-tab (× region)', run, () =>
      page.evaluate(choose, ['By (cross-tab)', 'meta:region']),
    );
    await step('tables: change table (→ region, coder A)', run, () =>
      page.evaluate(chooseBoth, ['var:region', 'coder:coder-a']),
    );
  }
  for (let run = 0; run < (screens.includes('export') ? runs : 0); run++) {
    await page.evaluate(goTo, 'settings');
    await step('export: open to the form', run, () => page.evaluate(openScreen, 'Export'));
    await step('export: open to the final summary', run, () => page.evaluate(finalSummary));
    await step('export: wide CSV with texts', run, () => page.evaluate(exportFile, false));
    await step('export: wide XLSX with texts', run, () => page.evaluate(exportFile, true));
  }
  const targets: [string, number][] = [
    ['tables: open', 1000],
    ['tables:', 300],
    ['export: open', 1000],
    ['export: wide CSV', 3000],
    ['export: wide XLSX', 10_000],
  ];
  for (const [name, list] of samples)
    record(name, list, targets.find(([prefix]) => name.startsWith(prefix))![1]);
}

/** Runs in the page: clicks "Tables" or "Export"; times until the table, or the form, is shown. */
async function openScreen(nav: string): Promise<Timed> {
  const button = [...document.querySelectorAll('nav button')].find((b) => b.textContent?.trim() === nav);
  const done =
    nav === 'Tables'
      ? () => !!document.querySelector('.tables-result[aria-busy=false] table.frequency tbody tr')
      : () =>
          [...document.querySelectorAll<HTMLButtonElement>('button.primary')].some(
            (b) => b.textContent === 'Export dataset…' && !b.disabled,
          );
  return (window as unknown as { kodtauTime: Time }).kodtauTime(() => (button as HTMLElement).click(), done);
}

/**
 * Runs in the page: picks `value` in the select labelled `label`; times until the table answers it
 * (the result was seen busy, then is not, with rows). Waits a second first, as a reader would.
 */
async function choose([label, value]: string[]): Promise<Timed> {
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const select = [...document.querySelectorAll('label')]
    .find((l) => l.querySelector('span')?.textContent === label)!
    .querySelector('select')!;
  let busy = false;
  const done = () => {
    const result = document.querySelector('.tables-result');
    if (result?.getAttribute('aria-busy') === 'true') busy = true;
    return busy && result?.getAttribute('aria-busy') === 'false' && !!result.querySelector('tbody tr');
  };
  return (window as unknown as { kodtauTime: Time }).kodtauTime(() => {
    select.value = value!;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  }, done);
}

/** Runs in the page: drops the cross-tab, then times a new subject and source together. */
async function chooseBoth([subject, source]: string[]): Promise<Timed> {
  const pick = (label: string, value: string) => {
    const select = [...document.querySelectorAll('label')]
      .find((l) => l.querySelector('span')?.textContent === label)!
      .querySelector('select')!;
    select.value = value!;
    select.dispatchEvent(new Event('change', { bubbles: true }));
  };
  pick('By (cross-tab)', '');
  await new Promise((resolve) => setTimeout(resolve, 1000));
  let busy = false;
  const done = () => {
    const result = document.querySelector('.tables-result');
    if (result?.getAttribute('aria-busy') === 'true') busy = true;
    return (
      busy &&
      result?.getAttribute('aria-busy') === 'false' &&
      document.querySelector('h2')?.textContent === 'Region'
    );
  };
  return (window as unknown as { kodtauTime: Time }).kodtauTime(() => {
    pick('Table of', subject!);
    pick('Codings of', source!);
  }, done);
}

/** Runs in the page, right after the Export screen opened: times until the final dataset's summary shows. */
async function finalSummary(): Promise<Timed> {
  return (window as unknown as { kodtauTime: Time }).kodtauTime(
    () => {},
    () => !!document.querySelector('.final-summary'),
  );
}

/** Runs in the page: picks CSV or Excel, clicks "Export dataset…"; times until "Exported … rows." shows. */
async function exportFile(xlsx: boolean): Promise<Timed> {
  const radio = [...document.querySelectorAll('label')].find(
    (l) => l.textContent === (xlsx ? 'Excel workbook (.xlsx)' : 'CSV for Excel'),
  );
  radio?.querySelector('input')?.click();
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const status = () => document.querySelector('section > p[role=status]')?.textContent ?? '';
  const button = [...document.querySelectorAll('button.primary')].find(
    (b) => b.textContent === 'Export dataset…',
  );
  // The status of the last export stays until this one begins: it must be seen to change first.
  let begun = false;
  const done = () => {
    if (!status().startsWith('Exported')) begun = true;
    return begun && status().startsWith('Exported');
  };
  return (window as unknown as { kodtauTime: Time }).kodtauTime(() => (button as HTMLElement).click(), done);
}
