// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import {
  AnswerBlockBuilder,
  BLOCKS,
  blockAnswers,
  blockOf,
  type AnswerBlock,
} from '../../../renderer/db/answerBlocks.ts';
import { db } from '../../../renderer/db/db.ts';
import { projectFileBytes, restoreProjectFile } from '../../../renderer/db/projectBackup.ts';
import { currentCodebook, deleteProject, openDemoProject } from '../../../renderer/db/projects.ts';
import { projectCodings } from '../../../renderer/db/queries.ts';
import { buildQueue } from '../../../renderer/features/adjudication/adjudicationQueue.ts';
import { queuePages } from '../../../renderer/features/adjudication/adjudicationSource.ts';
import { collectQueue, entries, entryOfItem } from '../../../renderer/features/adjudication/queueState.ts';
import { ALL, variableFigures } from '../../../renderer/features/agreement/agreementFigures.ts';
import {
  AgreementSource,
  summary,
  type AgreementEvent,
} from '../../../renderer/features/agreement/agreementSource.ts';
import { saveCodebookVersion } from '../../../renderer/features/codebook/codebookData.ts';
import { importCoderFiles } from '../../../renderer/features/coders/coderFiles.ts';
import { editAppeal } from '../../../renderer/features/coding/appealEdits.ts';
import { mergeCategory } from '../../../shared/codebook/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { buildCoderFile, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import { clearedCoding, type Coding } from '../../../shared/model/index.ts';
import { setUpRendererTests } from '../harness.tsx';
import { storedAnswers } from '../codingRows.ts';

setUpRendererTests('en');

const P = DEMO_PROJECT_ID;
const sortBlocks = (blocks: AnswerBlock[]) =>
  blocks
    .map((b) => ({ ...b, cells: [...b.cells] }))
    .sort(
      (a, b) => (a.projectId + a.variableId).localeCompare(b.projectId + b.variableId) || a.block - b.block,
    );

/** The stored blocks equal the blocks built afresh from the `codings` table. */
async function expectBlocksInStep() {
  const builder = new AnswerBlockBuilder();
  for (const coding of await storedAnswers()) builder.add(coding);
  expect(sortBlocks(await db.answerBlocks.toArray())).toEqual(sortBlocks(builder.build()));
}

/** The agreement figures and the adjudication queue equal what the code before the blocks computed from every coding. */
async function expectFiguresOfCodings() {
  const codebook = (await currentCodebook(P))!;
  const codings = await projectCodings(P);
  const events: AgreementEvent[] = [];
  for await (const event of new AgreementSource(db).figures(
    { projectId: P, variables: codebook.variables, subset: ALL, version: Math.random() },
    () => false,
  ))
    events.push(event);
  const final = new Map<string, unknown>();
  for (const event of events) {
    if (event.kind === 'point') final.set(event.figures.variable.id, event.figures);
    if (event.kind === 'interval') final.set(event.variableId, event.figures);
  }
  const chosen = codebook.variables.filter((v) => v.kind !== 'text');
  expect(chosen.map((v) => final.get(v.id))).toEqual(chosen.map((v) => summary(variableFigures(v, codings))));
  expect(events[0]).toEqual({ kind: 'coders', coders: [...new Set(codings.map((c) => c.coderId))].sort() });

  const expected = buildQueue(codings, await db.consensus.toArray(), await db.reviews.toArray());
  const queue = await collectQueue(
    P,
    queuePages(db, P, 'me', () => false),
  );
  expect(entries(queue)).toEqual(expected.items.map(entryOfItem));
  expect(queue.agreed).toBe(expected.agreed);
}

describe('answer blocks (the agreement and adjudication workers read them)', { timeout: 120_000 }, () => {
  it('place an appeal in one block of a fixed count, the same for every variable', () => {
    const blocks = new Set(Array.from({ length: 5000 }, (_, i) => blockOf(`A-${i}`)));
    expect(Math.max(...blocks)).toBeLessThan(BLOCKS);
    expect(blocks.size).toBe(BLOCKS);
    expect(blockOf('A-17')).toBe(blockOf('A-17'));
  });

  it('stay in step with the codings through every write path, and give the figures of every coding', async () => {
    await openDemoProject();
    await expectBlocksInStep();
    const codings = await projectCodings(P);
    expect(blockAnswers((await db.answerBlocks.toArray())[0]!).length).toBeGreaterThan(0);
    expect((await db.answerBlocks.toArray()).reduce((n, b) => n + b.cells.length / 3, 0)).toBe(
      codings.length,
    );

    // A coder changes one answer and clears another (the coding screen's write).
    const [first, second] = [codings[0]!, codings.find((c) => c.appealId !== codings[0]!.appealId)!];
    const ref = (c: Coding) => ({ projectId: P, coderId: c.coderId, appealId: c.appealId, order: 0 });
    await editAppeal(ref(first), (rows, now) => [
      { ...rows.get(first.variableId)!, values: ['other'], updatedAt: now },
    ]);
    await editAppeal(ref(second), (rows, now) => [clearedCoding(rows.get(second.variableId)!, now)]);
    await expectBlocksInStep();

    // A third coder's file merges in: every appeal of the first coder's, one of them cleared.
    const codebook = (await currentCodebook(P))!;
    // "None of these" where it is an answer (multiple choice), else the coders' answers.
    const multi = new Set(codebook.variables.filter((v) => v.kind === 'multi').map((v) => v.id));
    const third = codings
      .filter((c) => c.coderId === first.coderId)
      .map((c, i) => ({
        ...c,
        coderId: 'c3',
        updatedAt: '2026-11-20T00:00:00.000Z',
        ...(i % 7 === 0 && multi.has(c.variableId) ? { values: [] } : {}),
      }));
    const file = buildCoderFile(
      { id: 'c3', name: 'Third' },
      codebook,
      [...third.slice(1), clearedCoding(third[0]!, '2026-11-20T00:00:00.000Z')],
      '2026-11-21T00:00:00.000Z',
    );
    const reports = await importCoderFiles(P, [
      { name: 'c3.json', bytes: new TextEncoder().encode(serializeCoderFile(file)) },
    ]);
    expect(reports.map((r) => r.status)).toEqual(['merged']);
    expect((await projectCodings(P)).some((c) => c.coderId === 'c3')).toBe(true);
    await expectBlocksInStep();
    await expectFiguresOfCodings();

    // A codebook version merges two categories: the codings holding one are rewritten.
    const merged = codebook.variables.find((v) => v.id === 'reason')!.categories;
    await saveCodebookVersion(
      codebook,
      mergeCategory(codebook, 'reason', merged[0]!.code, merged[1]!.code, codebook.version + 1),
    );
    expect(
      (await projectCodings(P)).some((c) => c.variableId === 'reason' && c.values.includes(merged[0]!.code)),
    ).toBe(false);
    await expectBlocksInStep();
    await expectFiguresOfCodings();

    // The project saved to a file and restored over itself; then deleted.
    const saved = await projectFileBytes(P);
    const before = sortBlocks(await db.answerBlocks.toArray());
    await restoreProjectFile(saved.bytes, { replace: true, now: '2027-02-01T00:00:00.000Z' });
    expect(sortBlocks(await db.answerBlocks.toArray())).toEqual(before);
    await expectBlocksInStep();
    await deleteProject(P);
    expect(await db.answerBlocks.count()).toBe(0);
    await restoreProjectFile(saved.bytes, { replace: false, now: '2027-02-01T00:00:00.000Z' });
    expect(sortBlocks(await db.answerBlocks.toArray())).toEqual(before);
  });
});
