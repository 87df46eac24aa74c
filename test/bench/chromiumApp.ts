// The app in Chromium for the screen benchmarks: a renderer build with VITE_KODTAU_TEST_HOOKS=1
// (into a temporary folder, or KODTAU_BENCH_DIST when given), served by vite preview, and a page
// that records every long task (Long Tasks API) so a figure can name the longest main-thread block.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { build, preview } from 'vite';

export interface ChromiumApp {
  page: Page;
  /** Chromium's version. */
  version: string;
  close: () => Promise<void>;
}

/** Records long tasks in `window.kodtauLongTasks` as [start, duration] pairs from the page's start. */
const LONG_TASKS = `
  globalThis.__name = (f) => f;
  globalThis.kodtauLongTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) globalThis.kodtauLongTasks.push([e.startTime, e.duration]);
  }).observe({ type: 'longtask', buffered: true });`;

export async function openApp(): Promise<ChromiumApp> {
  const given = process.env.KODTAU_BENCH_DIST;
  const outDir = given ?? mkdtempSync(join(tmpdir(), 'kodtau-bench-'));
  if (!given) {
    process.env.VITE_KODTAU_TEST_HOOKS = '1';
    // Profiled, the build keeps its names: a profile then names the app's own functions.
    const minify = !process.env.KODTAU_BENCH_PROFILE;
    await build({ logLevel: 'warn', build: { outDir, emptyOutDir: true, minify } });
  }
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0 },
  });
  // A profile on disk: an incognito context keeps IndexedDB in memory, with a quota below 1.2 M codings.
  const profile = mkdtempSync(join(tmpdir(), 'kodtau-bench-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.KODTAU_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--enable-precise-memory-info'],
    viewport: { width: 1360, height: 860 },
  });
  const browser = context.browser();
  const page = context.pages()[0] ?? (await context.newPage());
  // tsx compiles the bench with esbuild's keepNames, whose `__name` helper the page lacks.
  await page.addInitScript({ content: LONG_TASKS });
  page.on('pageerror', (error) => process.stderr.write(`  page error: ${error.message}\n`));
  await page.goto(server.resolvedUrls!.local[0]!);
  await page.waitForFunction(() => 'kodtauTest' in window);
  return {
    page,
    version: browser?.version() ?? (await page.evaluate(() => navigator.userAgent)),
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      await server.close();
      if (!given) rmSync(outDir, { recursive: true, force: true });
    },
  };
}

/** One user action timed in the page: from the action to the frame after `done()` first holds. */
export interface Timed {
  ms: number;
  /** The longest main-thread block (long task) that started during the action, 0 if none. */
  longestMs: number;
  /** When that block began, in ms from the action (negative: before it, running into it). */
  longestAtMs?: number;
}

/**
 * Runs in the page (pass to `page.evaluate` with its arguments as source): defines
 * `window.kodtauTime(act, done, timeoutMs)`, which starts `act()`, watches the DOM until `done()`
 * holds, waits for the next frame and returns its time and the longest task within it.
 */
export const TIMER = `
  globalThis.kodtauTime = (act, done, timeoutMs = 600000) => new Promise((resolve, reject) => {
    const start = performance.now();
    let finished = false;
    const finish = () => {
      if (finished || !done()) return;
      finished = true;
      observer.disconnect();
      clearInterval(poll);
      requestAnimationFrame(() => setTimeout(() => {
        const ms = performance.now() - start;
        // A task that began before the action but ran into it blocked it as well.
        const blocks = globalThis.kodtauLongTasks.filter(([s, d]) => s + d >= start && s <= start + ms);
        const longest = blocks.reduce((a, b) => (b[1] > a[1] ? b : a), [start, 0]);
        resolve({ ms, longestMs: longest[1], longestAtMs: longest[0] - start });
      }, 0));
    };
    const observer = new MutationObserver(finish);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const poll = setInterval(finish, 50);
    setTimeout(() => { if (!finished) { observer.disconnect(); clearInterval(poll); reject(new Error('timed out')); } }, timeoutMs);
    act();
    finish();
  });`;

/** The page's JavaScript heap in MB (Chromium's performance.memory). */
export function heapMb(page: Page): Promise<number> {
  return page.evaluate(
    () => (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 2 ** 20,
  );
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}

/**
 * With KODTAU_BENCH_PROFILE set, runs `act` under the main thread's CPU profiler (Chromium
 * DevTools Protocol), writes the profile to that folder as `<name>.cpuprofile` (open it in
 * DevTools' Performance panel) and prints the functions that took most of the time themselves.
 */
export async function profiled<T>(page: Page, name: string, act: () => Promise<T>): Promise<T> {
  const folder = process.env.KODTAU_BENCH_PROFILE;
  if (!folder) return act();
  const session = await page.context().newCDPSession(page);
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 1000 });
  await session.send('Profiler.start');
  const result = await act();
  const { profile } = await session.send('Profiler.stop');
  await session.detach();
  mkdirSync(folder, { recursive: true });
  const path = join(folder, `${name}.cpuprofile`);
  writeFileSync(path, JSON.stringify(profile));
  const self = new Map<string, number>();
  const interval = (profile.endTime - profile.startTime) / 1000 / Math.max(1, profile.samples?.length ?? 1);
  for (const node of profile.nodes as ProfileNode[]) {
    const { functionName, url, lineNumber } = node.callFrame;
    const where = `${functionName || '(anonymous)'} ${url.split('/').at(-1)}:${lineNumber + 1}`;
    self.set(where, (self.get(where) ?? 0) + (node.hitCount ?? 0) * interval);
  }
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 15);
  process.stderr.write(
    `  profile ${path}:\n${top.map(([where, ms]) => `    ${ms.toFixed(0).padStart(7)} ms  ${where}`).join('\n')}\n`,
  );
  return result;
}

/** Runs in the page: shows a screen through the store, and waits for it to settle. */
export async function goTo(screen: string) {
  const { useAppStore } = (
    window as unknown as {
      kodtauTest: { useAppStore: typeof import('../../renderer/store/index.ts').useAppStore };
    }
  ).kodtauTest;
  useAppStore.setState({ screen: screen as 'settings' });
  await new Promise((resolve) => setTimeout(resolve, 500));
}
