// The coding screen and the renderer's memory at the scale of issue 13, on the project that
// scale.bench.ts seeds (100 000 appeals, 3 coders who coded everything). Run with
// `KODTAU_BENCH_SCREENS=coding,memory npm run bench -- scale` (either alone works too).
// - coding: as coder-a (who gets some appeals marked unsure, some with a note and some taken back
//   to uncoded first), times each filter and the text search from the change or the Enter key to
//   the frame that shows the new list and appeal, and 100 moves to the next appeal.
// - memory: opens every screen in turn (KODTAU_BENCH_DWELL_MS each, default 15 000) and samples
//   the resident memory of Chromium's renderer processes from /proc/<pid>/status (VmRSS: the
//   page's process, its workers included) every 250 ms, with the page's JS heap from the Chrome
//   DevTools Protocol (`Performance.getMetrics`, JSHeapUsedSize: the main thread's heap only).
import { readdirSync, readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { profiled, type ChromiumApp, type Timed } from './chromiumApp.ts';
import { summarise, type BenchResult } from './harness.ts';

type Record = (name: string, samples: Timed[], targetMs: number) => void;
type Hooks = {
  db: import('../../renderer/db/db.ts').KodtauDb;
  useAppStore: typeof import('../../renderer/store/index.ts').useAppStore;
} & Pick<typeof import('../../renderer/db/queries.ts'), 'codingTables' | 'putCodings'>;
type Time = (act: () => void, done: () => boolean, timeoutMs?: number) => Promise<Timed>;

const CODER = 'coder-a';
const RUNS = Number(process.env.KODTAU_BENCH_RUNS ?? 3);
const DWELL_MS = Number(process.env.KODTAU_BENCH_DWELL_MS ?? 15_000);
/** Which appeals (by source order) the bench marks for coder-a. */
const UNSURE_EVERY = 50;
const NOTE_EVERY = 70;
const UNCODED_EVERY = 20;

/** The filters timed, each with the list length it must show (`appeals` in the project). */
function filterCases(appeals: number, regions: readonly string[]) {
  const count = (keep: (order: number) => boolean) =>
    Array.from({ length: appeals }, (_, order) => order).filter(keep).length;
  return [
    { name: 'region', field: 'region', value: regions[3]!, total: count((o) => o % regions.length === 3) },
    { name: 'addressee', field: 'addressee', value: 'Head of the Agency', total: count((o) => o % 2 === 1) },
    { name: 'date from', field: 'dateFrom', value: '01/10/2019', total: count((o) => o % 3 === 2) },
    { name: 'uncoded', field: 'status', value: 'uncoded', total: count((o) => o % UNCODED_EVERY === 0) },
    { name: 'unsure', field: 'status', value: 'unsure', total: count((o) => o % UNSURE_EVERY === 0) },
    { name: 'with note', field: 'status', value: 'notes', total: count((o) => o % NOTE_EVERY === 0) },
  ] as const;
}

/** Times the coding screen's filters, search and next appeal; returns lines for the notes. */
export async function codingScreenFigures(
  page: Page,
  record: Record,
  results: BenchResult[],
  appeals: number,
  regions: readonly string[],
): Promise<string[]> {
  await page.evaluate(markCoder, {
    coder: CODER,
    unsure: UNSURE_EVERY,
    note: NOTE_EVERY,
    uncoded: UNCODED_EVERY,
  });
  const open: Timed[] = [];
  for (let run = 0; run < RUNS; run++)
    open.push(await profiled(page, `coding-open-${run + 1}`, () => page.evaluate(openCoding, appeals)));
  record('coding: open to first appeal', open, 1000);
  await page.evaluate(() => document.querySelector<HTMLElement>('.more-filters summary')!.click());
  for (const filter of filterCases(appeals, regions)) {
    const samples: Timed[] = [];
    for (let run = 0; run < RUNS; run++) {
      samples.push(await page.evaluate(applyFilter, filter));
      await page.evaluate(clearFilters, appeals);
    }
    record(`coding: filter ${filter.name} (${filter.total.toLocaleString('en')})`, samples, 300);
  }
  // A rare hit (one appeal: "№ 4243." is in its text only), then a Kazakh word in capitals that
  // every text holds in lower case.
  for (const [name, query, total] of [
    ['one hit', `№ ${Math.min(4243, appeals)}.`, 1],
    ['every appeal, Kazakh capitals', 'ӘКІМДІК', appeals],
  ] as const) {
    const samples: Timed[] = [];
    for (let run = 0; run < RUNS; run++) {
      samples.push(await page.evaluate(search, { query, total }));
      await page.evaluate(clearFilters, appeals);
    }
    record(`coding: search, ${name} (Enter to drawn)`, samples, 500);
  }
  const moves = await profiled(page, 'coding-next', () => page.evaluate(nextAppeal, 100));
  const ms = moves.map((m) => m.ms);
  results.push(summarise('coding: next appeal to drawn (p95 target 33 ms)', ms, 16, 33));
  results.push(
    summarise('coding: next appeal: longest block', [Math.max(...moves.map((m) => m.longestMs))], 100),
  );
  await page.evaluate(asSupervisor);
  return [
    `coding: next appeal ×100: median ${median(ms).toFixed(1)} ms, longest block ${Math.max(...moves.map((m) => m.longestMs)).toFixed(0)} ms`,
  ];
}

const median = (values: readonly number[]) => summarise('', values, 0).medianMs;

/**
 * Runs in the page: coder-a's appeals are marked unsure, noted, or taken back (cleared), written
 * as the app writes codings (putCodings, which keeps the answer blocks in step), a chunk a transaction.
 */
async function markCoder(args: { coder: string; unsure: number; note: number; uncoded: number }) {
  const { db, useAppStore, codingTables, putCodings } = (window as unknown as { kodtauTest: Hooks })
    .kodtauTest;
  const { projectId } = useAppStore.getState();
  const blocks = await db.codingBlocks
    .where(':id')
    .between([projectId!, args.coder], [projectId!, args.coder, []])
    .toArray();
  const rows = blocks.flatMap((block) => block.codings.filter((c) => !c.cleared));
  const order = (appealId: string) => Number(appealId.slice(2)) - 1;
  const changed = rows.flatMap((row) => {
    const at = order(row.appealId);
    const flags = {
      unsure: at % args.unsure === 0,
      ...(at % args.note === 0 ? { note: `Note on ${row.appealId}` } : {}),
    };
    if (at % args.uncoded === 0) return [{ ...row, ...flags, values: [], cleared: true as const }];
    return flags.unsure || flags.note ? [{ ...row, ...flags }] : [];
  });
  for (let from = 0; from < changed.length; from += 5000)
    await db.transaction('rw', codingTables(), () => putCodings(changed.slice(from, from + 5000)));
  useAppStore.setState({ coderId: args.coder, screen: 'settings', positions: {} });
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Runs in the page: back to the supervisor, on the settings screen. */
async function asSupervisor() {
  const { useAppStore } = (window as unknown as { kodtauTest: Hooks }).kodtauTest;
  useAppStore.setState({ coderId: 'supervisor', screen: 'settings' });
  await new Promise((resolve) => setTimeout(resolve, 500));
}

/** Runs in the page: from the settings screen, clicks "Coding"; times until the list and the first appeal show. */
async function openCoding(appeals: number): Promise<Timed> {
  const { useAppStore } = (window as unknown as { kodtauTest: Hooks }).kodtauTest;
  useAppStore.setState({ screen: 'settings' });
  await new Promise((resolve) => setTimeout(resolve, 500));
  const nav = [...document.querySelectorAll('nav button')].find((b) => b.textContent?.trim() === 'Coding');
  const total = `/ ${appeals.toLocaleString('en')}`;
  return (window as unknown as { kodtauTime: Time }).kodtauTime(
    () => (nav as HTMLElement).click(),
    () =>
      !!document.querySelector('.coding .position')?.textContent?.includes(total) &&
      !!document.querySelector('.appeal-text')?.textContent &&
      !!document.querySelector('.appeal-list li'),
  );
}

/** Runs in the page: sets one filter as the user would; times until the list of `total` shows. */
async function applyFilter(filter: { field: string; value: string; total: number }): Promise<Timed> {
  const doneIf = (total: number) => {
    const text = document.querySelector('.coding .position')?.textContent ?? '';
    return (
      text.endsWith(`/ ${total.toLocaleString('en')}`) &&
      !!document.querySelector('.appeal-text')?.textContent
    );
  };
  const form = document.querySelector('.coding-filters')!;
  const label = { region: 'Region', addressee: 'Addressee', dateFrom: 'From', status: 'Show' }[filter.field]!;
  const field = [...form.querySelectorAll('label')]
    .find((l) => l.textContent?.startsWith(label))!
    .querySelector<HTMLInputElement | HTMLSelectElement>('select, input')!;
  // Options of a select arrive with the panel's query.
  if (field instanceof HTMLSelectElement)
    while (![...field.options].some((o) => o.value === filter.value))
      await new Promise((resolve) => setTimeout(resolve, 50));
  return (window as unknown as { kodtauTime: Time }).kodtauTime(
    () => {
      const prototype =
        field instanceof HTMLSelectElement ? HTMLSelectElement.prototype : HTMLInputElement.prototype;
      Object.getOwnPropertyDescriptor(prototype, 'value')!.set!.call(field, filter.value);
      field.dispatchEvent(
        new Event(field instanceof HTMLSelectElement ? 'change' : 'input', { bubbles: true }),
      );
    },
    () => doneIf(filter.total),
  );
}

/** Runs in the page: clicks "Clear filters" and waits for the whole list. */
async function clearFilters(appeals: number) {
  const clear = [...document.querySelectorAll('.coding-filters button')].find(
    (b) => b.textContent === 'Clear filters',
  ) as HTMLElement | undefined;
  clear?.click();
  const text = `/ ${appeals.toLocaleString('en')}`;
  while (!document.querySelector('.coding .position')?.textContent?.endsWith(text))
    await new Promise((resolve) => setTimeout(resolve, 50));
  await new Promise((resolve) => setTimeout(resolve, 300));
}

/** Runs in the page: types the query into the search field, then times Enter to the list of hits drawn. */
async function search(args: { query: string; total: number }): Promise<Timed> {
  const input = document.querySelector<HTMLInputElement>('.coding-filters input[type=search]')!;
  input.focus();
  Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, args.query);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  const form = input.form!;
  return (window as unknown as { kodtauTime: Time }).kodtauTime(
    () => form.requestSubmit(),
    () => {
      const text = document.querySelector('.coding .position')?.textContent ?? '';
      return (
        text.endsWith(`/ ${args.total.toLocaleString('en')}`) && !!document.querySelector('.appeal-text mark')
      );
    },
  );
}

/** Runs in the page: presses → `count` times; times each press to the next appeal drawn. */
async function nextAppeal(count: number): Promise<Timed[]> {
  (document.activeElement as HTMLElement | null)?.blur();
  const shownId = () => document.querySelector('.appeal-id')?.textContent ?? '';
  const samples: Timed[] = [];
  for (let i = 0; i < count; i++) {
    const before = shownId();
    samples.push(
      await (window as unknown as { kodtauTime: Time }).kodtauTime(
        () => window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true })),
        () => shownId() !== before && !!shownId(),
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 30));
  }
  return samples;
}

/** The parent of process `pid`, from /proc/<pid>/stat; 0 when it is gone. */
function parentOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return 0;
  }
}

/**
 * The resident memory (MB) of each Chromium renderer process this bench started (a descendant of
 * this Node process: other sessions' browsers on the machine are not counted), by pid.
 */
function rendererRss(): Map<number, number> {
  const found = new Map<number, number>();
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (!readFileSync(`/proc/${entry}/cmdline`, 'utf8').includes('--type=renderer')) continue;
      let pid = Number(entry);
      while (pid > 1 && pid !== process.pid) pid = parentOf(pid);
      if (pid !== process.pid) continue;
      const rss = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${entry}/status`, 'utf8'));
      if (rss) found.set(Number(entry), Number(rss[1]) / 1024);
    } catch {
      // The process ended meanwhile.
    }
  }
  return found;
}

/**
 * Walks every screen of the sidebar and reports the peak renderer memory (the largest renderer
 * process's VmRSS, sampled every 250 ms) and the JS heap per screen.
 */
export async function memoryWalk(app: ChromiumApp, results: BenchResult[]): Promise<string[]> {
  const { page } = app;
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  const peak = { rss: 0 };
  let current = 'start';
  const perScreen = new Map<string, { rss: number; heap: number }>();
  const sample = () => {
    const rss = Math.max(0, ...rendererRss().values());
    peak.rss = Math.max(peak.rss, rss);
    const entry = perScreen.get(current) ?? { rss: 0, heap: 0 };
    entry.rss = Math.max(entry.rss, rss);
    perScreen.set(current, entry);
  };
  const timer = setInterval(sample, 250);
  try {
    const screens = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLButtonElement>('nav.sidebar button')].map(
        (b) => b.textContent?.trim() ?? '',
      ),
    );
    for (const screen of screens) {
      current = screen;
      await page.evaluate((name) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('nav.sidebar button')].find(
          (b) => b.textContent?.trim() === name,
        );
        button?.click();
      }, screen);
      const deadline = Date.now() + DWELL_MS;
      let heap = 0;
      while (Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const { metrics } = (await cdp.send('Performance.getMetrics')) as {
          metrics: { name: string; value: number }[];
        };
        heap = Math.max(heap, (metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0) / 2 ** 20);
      }
      sample();
      perScreen.get(screen)!.heap = heap;
    }
  } finally {
    clearInterval(timer);
    await cdp.detach();
  }
  results.push(summarise('memory: renderer peak over every screen (MB, target 1 536)', [peak.rss], 1536));
  const at = [...perScreen].find(([, m]) => m.rss === peak.rss)?.[0] ?? '';
  return [
    `memory (renderer VmRSS from /proc, JS heap from CDP Performance.getMetrics, peak per screen, ${DWELL_MS / 1000} s each; peak ${peak.rss.toFixed(0)} MB at ${at}):`,
    ...[...perScreen]
      .filter(([name]) => name !== 'start')
      .map(([name, m]) => `  ${name}: renderer ${m.rss.toFixed(0)} MB, JS heap ${m.heap.toFixed(0)} MB`),
  ];
}
