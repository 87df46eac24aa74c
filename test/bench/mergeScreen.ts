// The merge of issue 13 in Chromium, on the Coders & merge screen of the scale benchmark's project:
// each seeded coder's codings as a coder file (100 000 appeals × 4 variables), the codings then
// removed, and the three files dropped on the screen at once. Figures: the drop to the report
// drawn (three files merged, each adding every coding), the same files again (nothing changed),
// and Cancel in the middle of the write to the screen saying so, with nothing stored. While that
// merge runs it shoots its progress as screenshots/merge-progress-{kk,ru,en}.png.
// Called from scale.bench.ts (KODTAU_BENCH_SCREENS includes 'merge'); KODTAU_BENCH_PROFILE=<folder>
// profiles the main thread during the first merge and the one that changes nothing (see `profiled`).
import { mkdirSync } from 'node:fs';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import { profiled, type Timed } from './chromiumApp.ts';

type RecordFigure = (name: string, samples: Timed[], targetMs: number) => void;
/** A merge timed, with when each of its phases began (ms from the drop). */
type MergeTimed = Timed & { phases?: Record<string, number> };

/** Bundles `contents` (imports relative to test/bench) for `page.evaluate`: the app's own code in the page. */
export async function pageBundle(contents: string): Promise<string> {
  const bundle = await build({
    stdin: { contents, resolveDir: fileURLToPath(new URL('.', import.meta.url)), loader: 'ts' },
    bundle: true,
    format: 'iife',
    write: false,
    logLevel: 'error',
  });
  return bundle.outputFiles[0]!.text;
}

export async function measureMerge(
  page: Page,
  record: RecordFigure,
  { project, coders, runs, codings }: { project: string; coders: string[]; runs: number; codings: number },
): Promise<string[]> {
  const load = [loadavg()[0]!];
  // The coder files are built in the page with the app's own format code.
  await page.evaluate(
    await pageBundle(`
      import { buildCoderFile, serializeCoderFile } from '../../shared/formats/coderFile.ts';
      globalThis.kodtauCoderFile = (coder, codebook, codings, at) =>
        serializeCoderFile(buildCoderFile(coder, codebook, codings, at));`),
  );
  const megabytes = await page.evaluate(prepareFiles, { project, coders });
  await page.evaluate(show, 'coders');
  await page.locator('.drop-zone').waitFor({ timeout: 600_000 });

  // Cancel while the codings are written: shot in three languages, then cancelled.
  await page.evaluate(dropFiles);
  await page.locator('.merge-running[data-phase=write]').waitFor({ timeout: 600_000 });
  mkdirSync('screenshots', { recursive: true });
  for (const lang of ['kk', 'ru', 'en']) {
    await page.evaluate(setLanguage, lang);
    await page.locator(`html[lang="${lang}"]`).waitFor();
    await page.screenshot({ path: `screenshots/merge-progress-${lang}.png` });
  }
  const cancelled = await page.evaluate(cancelMerge);
  record('merge: Cancel to "nothing was changed"', [cancelled], 1000);

  const merges: MergeTimed[] = [];
  for (let run = 0; run < runs; run++) {
    await page.evaluate(clearCodings);
    const merge = () => page.evaluate(mergeOnce, { added: codings / coders.length, files: coders.length });
    merges.push(run === 0 ? await profiled(page, 'merge-first', merge) : await merge());
  }
  record('merge: 3 coder files at once, drop to report', merges, 20_000);
  const again: MergeTimed = await profiled(page, 'merge-again', () =>
    page.evaluate(mergeOnce, { added: 0, files: coders.length }),
  );
  record('merge: the same 3 files again (nothing changes)', [again], 20_000);
  load.push(loadavg()[0]!);
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  const starts = (t: MergeTimed) =>
    [
      ...Object.entries(t.phases ?? {}).map(([phase, ms]) => `${phase} from ${seconds(ms)}`),
      ...(t.longestMs > 0
        ? [`longest block ${t.longestMs.toFixed(0)} ms at ${seconds(t.longestAtMs ?? 0)}`]
        : []),
    ].join(', ');
  return [
    ...merges.map((t, run) => `merge run ${run + 1}: ${starts(t)}, report at ${seconds(t.ms)}`),
    `merge again: ${starts(again)}, report at ${seconds(again.ms)}`,
    `merge: 3 files of ${megabytes.map((mb) => mb.toFixed(0)).join(', ')} MB; load average ${load.map((l) => l.toFixed(1)).join(' → ')}`,
  ];
}

type Hooks = {
  db: import('../../renderer/db/db.ts').KodtauDb;
  useAppStore: typeof import('../../renderer/store/index.ts').useAppStore;
};
type Time = (act: () => void, done: () => boolean, timeoutMs?: number) => Promise<Timed>;
type MergeWindow = {
  kodtauTest: Hooks;
  kodtauTime: Time;
  kodtauCoderFile: (...args: unknown[]) => string;
  kodtauMergeFiles: File[];
};

/** Runs in the page: each coder's codings as their coder file; then the project's codings removed. */
async function prepareFiles({ project, coders }: { project: string; coders: string[] }) {
  const w = window as unknown as MergeWindow;
  const { db } = w.kodtauTest;
  const codebook = (await db.codebooks.where('projectId').equals(project).toArray())[0]!;
  const names = new Map((await db.coders.toArray()).map((c) => [c.id, c.name]));
  w.kodtauMergeFiles = [];
  for (const id of coders) {
    const blocks = await db.codingBlocks.where(':id').between([project, id], [project, id, []]).toArray();
    const codings = blocks.flatMap((block) => block.codings.filter((c) => !c.cleared));
    const text = w.kodtauCoderFile({ id, name: names.get(id) }, codebook, codings, new Date().toISOString());
    w.kodtauMergeFiles.push(new File([text], `${id}.kodtau-coder.json`));
  }
  await db.codingBlocks.clear();
  return w.kodtauMergeFiles.map((f) => f.size / 1e6);
}

async function show(screen: string) {
  (window as unknown as MergeWindow).kodtauTest.useAppStore.setState({ screen: screen as 'coders' });
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

function setLanguage(language: string) {
  (window as unknown as MergeWindow).kodtauTest.useAppStore.setState({ language: language as 'en' });
}

/** Runs in the page: removes the codings, then lets the screen's queries answer the change. */
async function clearCodings() {
  const { db } = (window as unknown as MergeWindow).kodtauTest;
  await db.codingBlocks.clear();
  await new Promise((resolve) => setTimeout(resolve, 1000));
}

/** Runs in the page: drops the coder files on the merge card, as a supervisor would. */
function dropFiles() {
  const transfer = new DataTransfer();
  for (const file of (window as unknown as MergeWindow).kodtauMergeFiles) transfer.items.add(file);
  document
    .querySelector('.drop-zone')!
    .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
}

/** Runs in the page: clicks Cancel; times until the screen says the merge was cancelled. */
async function cancelMerge(): Promise<Timed> {
  const w = window as unknown as MergeWindow;
  const button = document.querySelector<HTMLButtonElement>('.merge-running button')!;
  const timed = await w.kodtauTime(
    () => button.click(),
    () => !document.querySelector('.merge-running') && !!document.querySelector('.drop-zone [role=status]'),
  );
  const { db } = w.kodtauTest;
  const stored = await db.codingBlocks.count();
  if (stored !== 0) throw new Error(`a cancelled merge left ${stored} codings`);
  if (document.querySelector('table.merge-report')) throw new Error('the merge ended before Cancel');
  return timed;
}

/** Runs in the page: drops the files; times until the report shows every file merged as expected. */
async function mergeOnce({ added, files }: { added: number; files: number }): Promise<MergeTimed> {
  const w = window as unknown as MergeWindow;
  const rows = () => [...document.querySelectorAll('table.merge-report tbody tr')];
  // The report of the earlier merge stays until this one starts. Where the time goes: when each
  // phase (read, merge, write) began, from the drop.
  let started = false;
  const start = performance.now();
  const phases = new Map<string, number>();
  const drop = () => {
    const transfer = new DataTransfer();
    for (const file of w.kodtauMergeFiles) transfer.items.add(file);
    document
      .querySelector('.drop-zone')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  };
  const timed: MergeTimed = await w.kodtauTime(
    () => drop(),
    () => {
      const phase = document.querySelector<HTMLElement>('.merge-running')?.dataset.phase;
      if (phase && !phases.has(phase)) phases.set(phase, performance.now() - start);
      started ||= !!phase;
      return started && !phase && rows().length === files;
    },
  );
  timed.phases = Object.fromEntries(phases);
  const report = rows().map((tr) => (tr as HTMLTableRowElement).cells[2]?.textContent?.replace(/\D/g, ''));
  if (report.some((cell) => cell !== String(added)))
    throw new Error(`the report says ${report.join(', ')} added, not ${added} each`);
  return timed;
}
