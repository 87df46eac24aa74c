// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import { createElement } from 'react';
import { Dexie } from 'dexie';
import { describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { codingTables, projectCodings, putCodings } from '../../../renderer/db/queries.ts';
import { categoryUsage, usageCounts } from '../../../renderer/features/codebook/codebookData.ts';
import { OverviewScreen } from '../../../renderer/features/overview/OverviewScreen.tsx';
import { readFigures } from '../../../renderer/features/overview/progressTask.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { demoVariables } from '../../../shared/demo/codebook.ts';
import { clearedCoding, type Coding, type Consensus } from '../../../shared/model/index.ts';
import { studyProgress } from '../../../shared/tables/studyProgress.ts';
import { coding, project } from '../db/fixtures.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');

const P = 'mid';
const OTHER = 'other';
const CODERS = ['ann', 'bob', 'cem'];

/**
 * A mid-size project written through `putCodings` as the app writes it: 400 appeals, three
 * coders who each skip some, four choice variables and a text one; answers agree four times in
 * five, multiple choice in any order, texts differing in spaces only; some answers cleared
 * afterwards, and consensus on some units (coded or not). A second project beside it.
 */
async function seedMidSize() {
  let state = 7;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    return state / 2 ** 31;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
  const variables = demoVariables();
  const rows: Coding[] = [];
  const consensus: Consensus[] = [];
  for (let a = 0; a < 400; a++) {
    const appealId = `A${a}`;
    for (const variable of variables) {
      const codes = variable.categories.map((c) => c.code);
      const common = variable.kind === 'multi' ? [...new Set([pick(codes), pick(codes)])] : [pick(codes)];
      for (const coderId of CODERS) {
        if (random() < 0.15) continue;
        const values = random() < 0.8 ? [...common] : [pick(codes)];
        rows.push(coding(P, coderId, appealId, variable.id, random() < 0.5 ? values : values.reverse()));
      }
      if (random() < 0.1)
        consensus.push({
          projectId: P,
          appealId,
          variableId: variable.id,
          values: [pick(codes)],
          method: 'adjudicated',
          by: 'sup',
          at: '2019-08-03T00:00:00.000Z',
        });
    }
    for (const coderId of CODERS)
      if (random() < 0.7)
        rows.push({
          ...coding(P, coderId, appealId, 'comment', []),
          text: random() < 0.7 ? 'same text' : ` same text ${random() < 0.5 ? '' : 'or not'} `,
        });
  }
  // Consensus on an appeal no coder answered counts towards the final dataset.
  consensus.push({ ...consensus[0]!, appealId: 'A-uncoded' });
  await db.projects.bulkAdd([project(P), project(OTHER)]);
  await db.transaction('rw', codingTables(), async () => {
    await putCodings(rows);
    await putCodings(
      rows.filter((_, i) => i % 23 === 0).map((c) => clearedCoding(c, '2019-08-04T00:00:00.000Z')),
    );
    await putCodings([coding(OTHER, 'ann', 'A1', 'region', ['astana'])]);
  });
  await db.consensus.bulkAdd(consensus);
  return variables;
}

/** The codebook's usage counts as the code before the answer blocks read them: every coding row. */
async function usesOfRows(projectId: string, withConsensus: boolean) {
  const counts = new Map<string, Map<string, number>>();
  const range = [
    [projectId, Dexie.minKey],
    [projectId, Dexie.maxKey],
  ] as const;
  const rows: { variableId: string; values: string[] }[] = [
    ...(await projectCodings(projectId)).sort((a, b) =>
      a.variableId < b.variableId ? -1 : a.variableId > b.variableId ? 1 : 0,
    ),
    ...(withConsensus
      ? await db.consensus
          .where('[projectId+variableId]')
          .between(...range)
          .toArray()
      : []),
  ];
  for (const row of rows) {
    const perCode = counts.get(row.variableId) ?? new Map<string, number>();
    counts.set(row.variableId, perCode);
    perCode.set('', (perCode.get('') ?? 0) + 1);
    for (const code of row.values) perCode.set(code, (perCode.get(code) ?? 0) + 1);
  }
  return counts;
}

describe('The screens’ figures from the answer blocks', () => {
  it('equal what the code before computed from every coding row, on a mid-size project', async () => {
    const variables = await seedMidSize();
    const consensus = await db.consensus.where('projectId').equals(P).toArray();
    const codings = await projectCodings(P);

    const progress = await readFigures(db, { method: 'progress', projectId: P });
    expect(progress).toEqual(studyProgress(codings, consensus));
    expect(progress.disagreements).toBeGreaterThan(50);
    expect(progress.finalAppeals).toBeGreaterThan(0);

    expect(await usageCounts(P)).toEqual(await usesOfRows(P, true));
    expect(await readFigures(db, { method: 'uses', projectId: P, consensus: false })).toEqual(
      await usesOfRows(P, false),
    );

    for (const coderId of CODERS) {
      const appeals = new Set(codings.filter((c) => c.coderId === coderId).map((c) => c.appealId));
      expect(await readFigures(db, { method: 'answered', projectId: P, coderId })).toBe(appeals.size);
    }

    const rowsOf = async (projectId: string) => (await projectCodings(projectId)).length;
    expect(await readFigures(db, { method: 'answers', projectIds: [P, OTHER] })).toEqual({
      [P]: await rowsOf(P),
      [OTHER]: 1,
    });

    // Removing a variable or category checks its uses the same way.
    const rows = [...codings, ...consensus];
    for (const variable of variables) {
      const of = rows.filter((row) => row.variableId === variable.id);
      expect(await categoryUsage(P, variable.id)).toBe(of.length);
      const code = variable.categories[1]!.code;
      expect(await categoryUsage(P, variable.id, code)).toBe(
        of.filter((row) => row.values.includes(code)).length,
      );
    }
  }, 120_000);

  it('the overview sums anew when an answer changes and no count does', async () => {
    await signInCoder();
    await db.projects.add(project(P));
    const agreed = ['ann', 'bob'].map((coderId) => coding(P, coderId, 'A1', 'region', ['astana']));
    await db.transaction('rw', codingTables(), () => putCodings(agreed));
    useAppStore.setState({ projectId: P, screen: 'overview' });
    renderWithPlatform(createElement(OverviewScreen));
    const disagreements = () =>
      within(screen.getByRole('list', { name: 'The steps of the study' }))
        .getByText('Disagreements')
        .closest('li')!;
    await waitFor(() => expect(disagreements()).toHaveTextContent('No disagreements left'), {
      timeout: 10_000,
    });
    await db.transaction('rw', codingTables(), () =>
      putCodings([{ ...agreed[1]!, values: ['almaty_city'], updatedAt: '2019-08-05T00:00:00.000Z' }]),
    );
    await waitFor(() => expect(disagreements()).toHaveTextContent('1 disagreement left'), {
      timeout: 10_000,
    });
  });
});
