import { beforeEach, describe, expect, it } from 'vitest';
import { APPEALS_PER_WRITE } from '../../../renderer/db/appeals.ts';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { ImportCancelled } from '../../../renderer/features/import/importSession.ts';
import { NotAPackage, createPackageRunner } from '../../../renderer/features/import/packageRunner.ts';
import {
  buildPackages,
  openProjectPackage,
  PackageSession,
} from '../../../renderer/features/import/projectPackages.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import {
  createProjectPackage,
  PackageError,
  serializeProjectPackage,
} from '../../../shared/formats/projectPackage.ts';
import type { Appeal } from '../../../shared/model/index.ts';
import { appealTotal } from '../appealRows.ts';

beforeEach(async () => {
  await db.delete();
  await db.open();
});

async function demoPackages() {
  await openDemoProject();
  const files = await buildPackages(DEMO_PROJECT_ID, {
    mode: 'coders',
    coders: ['Aigerim', 'Dmitry'],
    overlapShare: 0.2,
    seed: '2019',
  });
  await db.delete();
  await db.open();
  return files;
}

describe('project packages in the database', () => {
  it('opens a coder package into an empty profile: project, codebook, the coder’s appeals', async () => {
    const [aigerim] = await demoPackages();
    const result = await openProjectPackage(aigerim!);
    // 341 demo appeals: overlap round(0.2 × 341) = 68, the other 273 dealt in turn → 137 + 68 = 205.
    expect(result).toEqual({ projectId: DEMO_PROJECT_ID, added: 205, alreadyPresent: 0 });
    expect(await db.projects.get(DEMO_PROJECT_ID)).toBeDefined();
    expect(await db.codebooks.where('projectId').equals(DEMO_PROJECT_ID).count()).toBe(1);
    expect(await appealTotal()).toBe(205);
    const record = (await db.imports.toArray())[0]!;
    expect(record).toMatchObject({ kind: 'package', summary: { appeals: 205, overlap: 68 } });
  });

  it('opening the same package twice adds nothing the second time', async () => {
    const [aigerim] = await demoPackages();
    await openProjectPackage(aigerim!);
    expect(await openProjectPackage(aigerim!)).toMatchObject({ added: 0, alreadyPresent: 205 });
    expect(await appealTotal()).toBe(205);
  });

  it('a damaged package changes nothing', async () => {
    const [aigerim] = await demoPackages();
    const damaged = aigerim!.bytes.slice();
    damaged[damaged.length - 200] = damaged[damaged.length - 200] === 0x61 ? 0x62 : 0x61;
    await expect(openProjectPackage({ name: 'x.kodtau', bytes: damaged })).rejects.toBeInstanceOf(
      PackageError,
    );
    expect(await db.projects.count()).toBe(0);
    expect(await appealTotal()).toBe(0);
  });

  it('a session reads a damaged package, but its store fails on the digest and changes nothing', async () => {
    const [aigerim] = await demoPackages();
    const damaged = aigerim!.bytes.slice();
    damaged[damaged.length - 200] = damaged[damaged.length - 200] === 0x61 ? 0x62 : 0x61;
    const session = new PackageSession();
    await session.read({ name: 'x.kodtau', bytes: damaged });
    await expect(session.store(() => {})).rejects.toEqual(new PackageError('integrity'));
    expect(await db.projects.count()).toBe(0);
    expect(await appealTotal()).toBe(0);
  });

  it('the store commits only once the digest, checked meanwhile, is found to match', async () => {
    const [aigerim] = await demoPackages();
    let answer: (error?: PackageError) => void = () => {};
    const verdict = new Promise<void>((resolve, reject) => (answer = (e) => (e ? reject(e) : resolve())));
    const session = new PackageSession(() => verdict);
    await session.read(aigerim!);
    const progress: number[] = [];
    const stored = session.store((done) => progress.push(done));
    // The appeals are being written: the digest's answer comes while the store waits for it.
    await expect.poll(() => progress.includes(0)).toBe(true);
    answer(new PackageError('integrity'));
    await expect(stored).rejects.toEqual(new PackageError('integrity'));
    expect(await appealTotal()).toBe(0);

    const again = new PackageSession(() => Promise.resolve());
    await again.read(aigerim!);
    expect(await again.store(() => {})).toMatchObject({ added: 205 });
  });

  it('one package with everything', async () => {
    await openDemoProject();
    const [all] = await buildPackages(DEMO_PROJECT_ID, { mode: 'all' });
    await db.delete();
    await db.open();
    expect((await openProjectPackage(all!)).added).toBe(341);
  });

  it('a cancel during the write rolls it all back: no project, codebook, appeal or import record', async () => {
    await openDemoProject();
    const project = (await db.projects.get(DEMO_PROJECT_ID))!;
    const codebook = (await db.codebooks.where('projectId').equals(DEMO_PROJECT_ID).first())!;
    await db.delete();
    await db.open();
    // More appeals than one write, so that the cancel lands between two of them.
    const appeals: Appeal[] = Array.from({ length: 2 * APPEALS_PER_WRITE + 500 }, (_, order) => ({
      projectId: project.id,
      id: `A-${order}`,
      order,
      text: `Appeal ${order}`,
      meta: { region: 'Almaty city', date: '2019-08-01' },
    }));
    const bytes = serializeProjectPackage(createProjectPackage({ project, codebook, appeals }));
    const session = new PackageSession();
    expect(await session.read({ name: 'big.kodtau', bytes })).toEqual({ assignment: null });
    const progress: number[] = [];
    const storing = session.store((done) => {
      progress.push(done);
      if (done === APPEALS_PER_WRITE) session.cancel();
    });
    await expect(storing).rejects.toBeInstanceOf(ImportCancelled);
    expect(progress).toEqual([0, APPEALS_PER_WRITE]);
    expect(await db.projects.count()).toBe(0);
    expect(await db.codebooks.count()).toBe(0);
    expect(await appealTotal()).toBe(0);
    expect(await db.appealCounts.count()).toBe(0);
    expect(await db.appealColumns.count()).toBe(0);
    expect(await db.imports.count()).toBe(0);
  });

  it('a file of another format comes back from the reader whole, and nothing is written', async () => {
    const coderFile = new TextEncoder().encode('{"format":"kodtau-coder-file","version":2}');
    const runner = createPackageRunner();
    const failure = await runner.read({ name: 'a.kodtau', bytes: coderFile }).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(NotAPackage);
    expect((failure as NotAPackage).code).toBe('foreign');
    expect((failure as NotAPackage).file).toEqual({ name: 'a.kodtau', bytes: coderFile });
    expect(await db.projects.count()).toBe(0);
  });
});
