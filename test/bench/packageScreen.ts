// Opening a project package of issue 13's size in Chromium: the scale benchmark's 100 000 appeals
// (with their texts) and codebook as a package of a new project, dropped on the window as a coder
// would, timed to the screen saying how many appeals it added; the longest main-thread block in
// it. The projects it made are removed afterwards. Called from scale.bench.ts ('package' screen).
// With KODTAU_BENCH_PROFILE each open is profiled on the main thread (the parse and the write run
// in the package worker, outside that profile).
import { loadavg } from 'node:os';
import type { Page } from 'playwright-core';
import { profiled, type Timed } from './chromiumApp.ts';
import { pageBundle } from './mergeScreen.ts';

const COPY = 'scale-package';

export async function measurePackageOpen(
  page: Page,
  record: (name: string, samples: Timed[], targetMs: number) => void,
  { project, runs }: { project: string; runs: number },
): Promise<string[]> {
  const load = [loadavg()[0]!];
  await page.evaluate(
    await pageBundle(`
      import { createProjectPackage, serializeProjectPackage } from '../../shared/formats/projectPackage.ts';
      globalThis.kodtauPackage = (input) => serializeProjectPackage(createProjectPackage(input));`),
  );
  // Each run opens a package of a project of its own, and the copies are removed at the end:
  // removing 100 000 appeals right before an open would time the database's clean-up as well.
  // The page's garbage from making the packages is collected before the first open.
  let megabytes = 0;
  for (let run = 0; run < runs; run++)
    megabytes = await page.evaluate(preparePackage, { project, copy: `${COPY}-${run + 1}` });
  const cdp = await page.context().newCDPSession(page);
  const opens: Timed[] = [];
  for (let run = 0; run < runs; run++) {
    await cdp.send('HeapProfiler.collectGarbage');
    opens.push(await profiled(page, `package-open-${run + 1}`, () => page.evaluate(openPackage, run)));
    await page.evaluate(backTo, project);
  }
  await cdp.detach();
  for (let run = 0; run < runs; run++) await page.evaluate(removeCopy, { copy: `${COPY}-${run + 1}` });
  record('package: open, drop to "added"', opens, 10_000);
  load.push(loadavg()[0]!);
  return [
    `package: ${megabytes.toFixed(0)} MB, every appeal of the project; load average ${load.map((l) => l.toFixed(1)).join(' → ')}`,
  ];
}

type Hooks = {
  db: import('../../renderer/db/db.ts').KodtauDb;
  useAppStore: typeof import('../../renderer/store/index.ts').useAppStore;
  appeals: typeof import('../../renderer/db/appeals.ts');
};
type Time = (act: () => void, done: () => boolean, timeoutMs?: number) => Promise<Timed>;
type PackageWindow = {
  kodtauTest: Hooks;
  kodtauTime: Time;
  kodtauPackage: (input: unknown) => Uint8Array<ArrayBuffer>;
  kodtauPackageFiles: File[];
};

/** Runs in the page: the project's appeals and codebook as the package of a new project. */
async function preparePackage({ project, copy }: { project: string; copy: string }) {
  const w = window as unknown as PackageWindow;
  const { db, appeals: rows } = w.kodtauTest;
  const [source, codebooks, appeals] = await Promise.all([
    db.projects.get(project),
    db.codebooks.where('projectId').equals(project).toArray(),
    rows.projectAppeals(project),
  ]);
  const bytes = w.kodtauPackage({
    project: { ...source!, id: copy, name: 'Scale package' },
    codebook: { ...codebooks.at(-1)!, projectId: copy },
    appeals: appeals.map((a) => ({ ...a, projectId: copy })),
  });
  (w.kodtauPackageFiles ??= []).push(new File([bytes], `${copy}.kodtau`));
  return bytes.length / 1e6;
}

/** Runs in the page: drops package `run` on the window; times until the screen says what it added. */
async function openPackage(run: number): Promise<Timed> {
  const w = window as unknown as PackageWindow;
  const transfer = new DataTransfer();
  transfer.items.add(w.kodtauPackageFiles[run]!);
  return w.kodtauTime(
    () =>
      window.dispatchEvent(
        new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }),
      ),
    () => !!document.querySelector('.callout[role=status]') && !document.querySelector('.package-progress'),
  );
}

/** Runs in the page: back to the measured project, on a screen that shows no outcome of an open. */
function backTo(project: string) {
  (window as unknown as PackageWindow).kodtauTest.useAppStore.setState({
    projectId: project,
    screen: 'settings',
  });
}

/** Runs in the page: removes the project a package made. */
async function removeCopy({ copy }: { copy: string }) {
  const { db, appeals } = (window as unknown as PackageWindow).kodtauTest;
  await db.transaction('rw', [db.projects, db.codebooks, ...appeals.appealTables(), db.imports], async () => {
    await appeals.deleteProjectAppeals(copy);
    await db.codebooks.where('projectId').equals(copy).delete();
    await db.imports.where('projectId').equals(copy).delete();
    await db.projects.delete(copy);
  });
}
