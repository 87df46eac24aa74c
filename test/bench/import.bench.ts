// Import at real scale: 100 000 appeals in a CSV, in UTF-8 and in Windows-1251.
// In Node: decoding + parsing, and checking the rows (the work the import worker does).
// In Chromium: the whole import through the wizard of a built renderer (KODTAU_BENCH_DIST, or a
// temporary build), with file reading and parsing time, write time into IndexedDB, the longest
// main-thread block (Long Tasks API) and the renderer process's peak memory (VmHWM).
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';
import { guessMapping } from '../../shared/import/columnMapping.ts';
import { planImport } from '../../shared/import/planImport.ts';
import { readTable } from '../../shared/import/readTable.ts';
import { encodeWindows1251 } from '../fixtures/import/fixtures.ts';
import type { Benchmark, BenchResult } from './harness.ts';

const APPEALS = 100_000;
const REGIONS = ['Алматы', 'Астана', 'Шымкент', 'Карагандинская область', 'Павлодарская область'];

/** A supervisor's export: id;date;region;addressee;text, ~440 characters of Russian per appeal (≈ 80 MB in UTF-8). */
function appealsCsv(): string {
  const sentence =
    'Прошу рассмотреть мою жалобу: сотрудник акимата потребовал «благодарность» за справку, ' +
    'а после отказа заявление не приняли; ответа из прокуратуры нет уже третий месяц. ';
  const lines = ['id;date;region;addressee;text'];
  for (let i = 0; i < APPEALS; i++) {
    const text = `${sentence.repeat(2 + (i % 2))}Обращение № ${i + 1}.`;
    lines.push(
      `A-${i + 1};2019-0${8 + (i % 3)}-${String(1 + (i % 28)).padStart(2, '0')};${REGIONS[i % 5]};АПК;"${text}"`,
    );
  }
  return lines.join('\r\n');
}

const text = appealsCsv();
const files = {
  'utf-8': new TextEncoder().encode(text),
  'windows-1251': encodeWindows1251(text),
};
const megabytes = (bytes: Uint8Array) => (bytes.length / 1024 / 1024).toFixed(1);

let parsed = await readTable(files['windows-1251']);
const mapping = guessMapping(parsed.header, parsed.rows);

function slow(run: () => unknown): Pick<Benchmark, 'run' | 'runs' | 'warmup'> {
  return { run, runs: 3, warmup: 1 };
}

export const benchmarks: readonly Benchmark[] = [
  {
    name: `import: decode + parse ${APPEALS.toLocaleString('en')}-appeal CSV, Windows-1251 (${megabytes(files['windows-1251'])} MB), Node`,
    targetMs: 5000,
    ...slow(() => readTable(files['windows-1251']).then((t) => (parsed = t))),
  },
  {
    name: `import: decode + parse, UTF-8 (${megabytes(files['utf-8'])} MB), Node`,
    targetMs: 5000,
    ...slow(() => readTable(files['utf-8'])),
  },
  {
    name: `import: check ${APPEALS.toLocaleString('en')} rows (ids, empty texts, field counts), Node`,
    targetMs: 2000,
    ...slow(() => planImport(parsed, mapping, { projectId: 'p', existingIds: new Set(), firstOrder: 0 })),
  },
];

interface ImportFigures {
  readMs: number;
  writeMs: number;
  totalMs: number;
  longestTaskMs: number;
  peakMiB: number;
}

/** Process ids whose command line (NUL-separated, as in /proc) passes the test. */
function processesWhere(test: (cmdline: string) => boolean): number[] {
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        return test(readFileSync(`/proc/${p}/cmdline`, 'utf8'));
      } catch {
        return false; // the process ended
      }
    })
    .map(Number);
}

function parentOf(pid: number): number {
  try {
    return Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ')[1]);
  } catch {
    return 0;
  }
}

/** Peak resident memory (VmHWM) of the browser's largest renderer process, in MiB. */
function rendererPeakMiB(browserPid: number): number {
  let peak = 0;
  for (const pid of processesWhere((cmd) => cmd.includes('--type=renderer'))) {
    let ancestor = parentOf(pid);
    while (ancestor > 1 && ancestor !== browserPid) ancestor = parentOf(ancestor);
    if (ancestor !== browserPid) continue;
    try {
      const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (hwm) peak = Math.max(peak, Number(hwm[1]) / 1024);
    } catch {
      // The process ended.
    }
  }
  return Math.round(peak);
}

async function importInChromium(
  page: Page,
  name: string,
  bytes: Uint8Array,
  pid: number,
): Promise<ImportFigures> {
  await page.evaluate(() => {
    const w = window as unknown as { longTasks: [number, number][] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        w.longTasks.push([Math.round(entry.startTime), Math.round(entry.duration)]);
    }).observe({ type: 'longtask' });
  });
  // Through a real file: the driver refuses buffers over 50 MB.
  const path = join(mkdtempSync(join(tmpdir(), 'kodtau-bench-')), name);
  writeFileSync(path, bytes);
  const marks: Record<string, number> = {};
  const mark = async (name: string) =>
    (marks[name] = await page.evaluate(() => Math.round(performance.now())));
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import appeals…' }).click();
  await mark('choose');
  const start = Date.now();
  await (await chooser).setFiles(path);
  const wizard = page.getByRole('region', { name: 'Import appeals' });
  await wizard.getByRole('button', { name: 'Next' }).waitFor({ timeout: 120_000 });
  const readMs = Date.now() - start;
  await mark('preview');
  await wizard.getByRole('button', { name: 'Next' }).click();
  await wizard.getByRole('radio', { name: 'A new project' }).check();
  await wizard.getByRole('button', { name: 'Check the rows' }).click();
  const go = wizard.getByRole('button', { name: `Import ${APPEALS.toLocaleString('en')} appeals` });
  await go.waitFor({ timeout: 60_000 });
  await mark('write');
  const writeStart = Date.now();
  await go.click();
  await wizard.getByText(/^Imported/).waitFor({ timeout: 300_000 });
  const end = Date.now();
  await mark('done');
  const longTasks = await page.evaluate(
    () => (window as unknown as { longTasks: [number, number][] }).longTasks,
  );
  const longestTaskMs = Math.max(0, ...longTasks.map(([, d]) => d));
  if (process.env.KODTAU_BENCH_DEBUG) console.error({ marks, longTasks });
  await wizard.getByRole('button', { name: 'Show the appeals' }).click();
  return {
    readMs,
    writeMs: end - writeStart,
    totalMs: end - start,
    longestTaskMs,
    peakMiB: rendererPeakMiB(pid),
  };
}

let lastNotes: string[] = [];
export const notes = () => lastNotes;

const result = (name: string, ms: number, targetMs: number): BenchResult => ({
  name,
  medianMs: ms,
  p95Ms: ms,
  targetMs,
  pass: ms <= targetMs,
});

/** One import of each file through the real UI; times are wall-clock from the file chooser. */
export async function measured(): Promise<readonly BenchResult[]> {
  const given = process.env.KODTAU_BENCH_DIST;
  const outDir = given ?? mkdtempSync(join(tmpdir(), 'kodtau-bench-'));
  if (!given) await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true } });
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  // A switch of our own marks this browser's process, to find its renderers' memory in /proc.
  const marker = `--kodtau-bench=${process.pid}`;
  const browser = await chromium.launch({
    executablePath: process.env.KODTAU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', marker],
  });
  const pid = processesWhere((cmd) => cmd.includes(marker) && !cmd.includes('--type='))[0] ?? 0;
  try {
    const results: BenchResult[] = [];
    lastNotes = [`Chromium ${browser.version()}; one import per encoding, wall-clock from choosing the file`];
    for (const [encoding, bytes] of Object.entries(files)) {
      const page = await (await browser.newContext({ locale: 'en-GB' })).newPage();
      await page.goto(server.resolvedUrls!.local[0]!);
      await page.getByRole('textbox').fill('Bench');
      await page.getByRole('button', { name: 'Continue without the demo' }).click();
      await page.getByRole('navigation').getByRole('button', { name: 'Import' }).click();
      const f = await importInChromium(page, `appeals-${encoding}.csv`, bytes, pid);
      results.push(
        result(
          `import in Chromium, ${encoding}: whole import (read, parse, check, write)`,
          f.totalMs,
          15_000,
        ),
        result(`import in Chromium, ${encoding}: longest main-thread block`, f.longestTaskMs, 100),
      );
      lastNotes.push(
        `${encoding} (${megabytes(bytes)} MB): read + decode + parse ${f.readMs} ms, write ${APPEALS.toLocaleString('en')} appeals into IndexedDB ${f.writeMs} ms, whole ${f.totalMs} ms; longest main-thread block ${f.longestTaskMs.toFixed(0)} ms; renderer peak memory ${f.peakMiB} MiB`,
      );
      await page.context().close();
    }
    return results;
  } finally {
    await browser.close();
    await server.close();
    if (!given) rmSync(outDir, { recursive: true, force: true });
  }
}
