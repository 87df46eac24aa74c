// @vitest-environment jsdom
import { act, configure, renderHook, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { coderFileOf } from '../../../renderer/features/coders/coderFiles.ts';
import { useCodingSession, type CodingSession } from '../../../renderer/features/coding/useCodingSession.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { codingUnits } from '../../../shared/consensus/codingUnits.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { coderFileCodings, parseCoderFile } from '../../../shared/formats/coderFile.ts';
import { codingKey, mergeCoderFiles, mergeCodings, type MergeTarget } from '../../../shared/merge/index.ts';
import { hasAnswer, type Coding, type Variable } from '../../../shared/model/index.ts';
import { setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswer, storedClearing } from '../codingRows.ts';

setUpRendererTests('en');
// jsdom on a shared, busy machine.
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5000 });

const ME = 'me';
const DEMO = createDemoProject();
const [REASON, REGION] = DEMO.codebook.variables as [Variable, Variable];
const APPEAL = DEMO.appeals[0]!.id;
const TARGET: MergeTarget = {
  projectId: DEMO_PROJECT_ID,
  codebooks: [DEMO.codebook],
  appealIds: new Set(DEMO.appeals.map((a) => a.id)),
};

beforeEach(async () => {
  await signInCoder(ME);
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coding' });
});

/** A coding screen's session, as a second window of the app would hold its own. */
async function openWindow() {
  const window = renderHook(() => useCodingSession(DEMO_PROJECT_ID, DEMO.codebook));
  await waitFor(() => expect(window.result.current.current?.appeal.id).toBe(APPEAL));
  return window.result;
}

/** Runs a session action and waits for it to be saved. */
async function run(session: { current: CodingSession }, action: (s: CodingSession) => Promise<void>) {
  await act(() => action(session.current));
  expect(session.current.save).toEqual({ kind: 'saved' });
}

const answerOf = (variable: Variable) => storedAnswer([DEMO_PROJECT_ID, ME, APPEAL, variable.id]);
const clearedOf = (variable: Variable) => storedClearing([DEMO_PROJECT_ID, ME, APPEAL, variable.id]);
const myFile = async () => {
  const { bytes } = await coderFileOf(DEMO_PROJECT_ID, ME);
  return { name: 'me.kodtau-coder.json', text: new TextDecoder().decode(bytes) };
};

describe('two windows coding one appeal', () => {
  it("undo in one window leaves the other window's coding, and reaches the supervisor as a later edit", async () => {
    const first = await openWindow();
    const second = await openWindow();

    await run(first, (s) => s.choose(REASON, REASON.categories[0]!.code));
    const answered = (await answerOf(REASON))!;
    // The second window sees it (live), and codes another variable of the same appeal.
    await waitFor(() => expect(second.current.current?.rows.get(REASON.id)).toEqual(answered));
    await run(second, (s) => s.choose(REGION, REGION.categories[3]!.code));
    const theirs = (await answerOf(REGION))!;
    const fileBefore = await myFile();

    await run(first, (s) => s.undo());
    // Only the key the undone step changed is written: the other window's region stays as it was.
    expect(await answerOf(REGION)).toEqual(theirs);
    expect(await answerOf(REASON)).toBeUndefined();
    const tombstone = (await clearedOf(REASON))!;
    expect(tombstone).toMatchObject({ values: [], cleared: true });
    expect(tombstone.updatedAt > answered.updatedAt).toBe(true);
    await waitFor(() => expect(second.current.current?.rows.get(REASON.id)).toEqual(tombstone));

    // The coder file carries the undo; merged after the earlier file, it takes the reason away
    // from the supervisor's data, and leaves the region.
    const fileAfter = await myFile();
    const codings = coderFileCodings(parseCoderFile(fileAfter.text));
    expect(codings.find((c) => c.variableId === REASON.id && c.appealId === APPEAL)).toMatchObject({
      cleared: true,
      updatedAt: tombstone.updatedAt,
    });
    const supervisor: Coding[] = mergeCoderFiles(TARGET, DEMO.codings, [fileBefore]).changed;
    const withAnswer = mergeCodings(DEMO.codings, supervisor);
    const unitOf = (data: readonly Coding[]) =>
      codingUnits(data).find((u) => u.appealId === APPEAL && u.variableId === REASON.id)!;
    expect(unitOf(withAnswer).codings.map((c) => c.coderId)).toContain(ME);

    const outcome = mergeCoderFiles(TARGET, withAnswer, [fileAfter]);
    expect(outcome.changed.map(codingKey)).toEqual([codingKey(tombstone)]);
    const merged = mergeCodings(withAnswer, outcome.changed);
    const mine = merged.filter((c) => c.coderId === ME && c.appealId === APPEAL);
    expect(mine.filter(hasAnswer).map((c) => c.variableId)).toEqual([REGION.id]);
    expect(unitOf(merged).codings.map((c) => c.coderId)).not.toContain(ME);
    // Merging the files again, in either order, gives the same data.
    expect(mergeCoderFiles(TARGET, merged, [fileAfter, fileBefore]).changed).toEqual([]);
  });

  it('redo after undo writes the answer again with a still later time', async () => {
    const first = await openWindow();
    await run(first, (s) => s.choose(REASON, REASON.categories[1]!.code));
    await run(first, (s) => s.undo());
    const tombstone = (await clearedOf(REASON))!;
    await run(first, (s) => s.redo());
    const redone = (await answerOf(REASON))!;
    expect(redone.values).toEqual([REASON.categories[1]!.code]);
    expect(redone.updatedAt > tombstone.updatedAt).toBe(true);
    expect(await clearedOf(REASON)).toBeUndefined();
  });
});
