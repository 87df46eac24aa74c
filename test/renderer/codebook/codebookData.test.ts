// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { currentCodebook, openDemoProject } from '../../../renderer/db/projects.ts';
import {
  CodebookSaveError,
  saveCodebookVersion,
  usageCounts,
} from '../../../renderer/features/codebook/codebookData.ts';
import { deleteCategory, mergeCategory, updateVariable } from '../../../shared/codebook/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { setUpRendererTests } from '../harness.tsx';

setUpRendererTests('en');

const demo = createDemoProject();
/** Codings of the demo holding `code` on `variableId` (shared/demo/codings.ts, counted here). */
const demoUses = (variableId: string, code: string) =>
  demo.codings.filter((c) => c.variableId === variableId && c.values.includes(code)).length;

async function problemOf(run: Promise<unknown>) {
  try {
    await run;
  } catch (error) {
    if (error instanceof CodebookSaveError) return error.problem;
    throw error;
  }
  throw new Error('saved');
}

beforeEach(async () => {
  await openDemoProject();
});

describe('saveCodebookVersion', () => {
  it('refuses to drop a category that codings use, and writes nothing', async () => {
    const base = (await currentCodebook(DEMO_PROJECT_ID))!;
    const draft = deleteCategory(base, 'reason', 'abuse');
    expect(await problemOf(saveCodebookVersion(base, draft))).toEqual({
      reason: 'categoryInUse',
      variableId: 'reason',
      code: 'abuse',
      count: demoUses('reason', 'abuse'),
    });
    expect((await currentCodebook(DEMO_PROJECT_ID))?.version).toBe(1);
  });

  it('refuses a kind change that codings would not survive, but allows single ↔ ordinal', async () => {
    const base = (await currentCodebook(DEMO_PROJECT_ID))!;
    expect(
      await problemOf(saveCodebookVersion(base, updateVariable(base, 'region', { kind: 'multi' }))),
    ).toMatchObject({ reason: 'kindInUse', variableId: 'region' });
    const saved = await saveCodebookVersion(base, updateVariable(base, 'region', { kind: 'ordinal' }));
    expect(saved.codebook.version).toBe(2);
  });

  it('refuses a draft made from a version that is no longer the newest', async () => {
    const base = (await currentCodebook(DEMO_PROJECT_ID))!;
    await saveCodebookVersion(base, updateVariable(base, 'region', { required: false }));
    expect(
      await problemOf(saveCodebookVersion(base, updateVariable(base, 'body', { required: false }))),
    ).toEqual({
      reason: 'stale',
    });
  });

  it('moves codings and consensus values of a merged category in the same transaction, each code once', async () => {
    const base = (await currentCodebook(DEMO_PROJECT_ID))!;
    await db.consensus.put({
      projectId: DEMO_PROJECT_ID,
      appealId: demo.appeals[0]!.id,
      variableId: 'reason',
      values: ['abuse', 'corruption'],
      method: 'adjudicated',
      by: 'me',
      at: '2026-01-01T00:00:00.000Z',
    });
    const before = (await usageCounts(DEMO_PROJECT_ID)).get('reason')!;
    // Codings holding both count once after the merge (multiple choice keeps a code once).
    const both = demo.codings.filter(
      (c) => c.variableId === 'reason' && c.values.includes('abuse') && c.values.includes('corruption'),
    ).length;
    const { moved } = await saveCodebookVersion(
      base,
      mergeCategory(base, 'reason', 'abuse', 'corruption', 2),
    );
    expect(moved).toBe(demoUses('reason', 'abuse') + 1);
    const after = (await usageCounts(DEMO_PROJECT_ID)).get('reason')!;
    expect(after.get('abuse')).toBeUndefined();
    expect(after.get('corruption')).toBe(before.get('corruption')! + before.get('abuse')! - both - 1);
    const consensus = await db.consensus.get([DEMO_PROJECT_ID, demo.appeals[0]!.id, 'reason']);
    expect(consensus?.values).toEqual(['corruption']);
  });
});
