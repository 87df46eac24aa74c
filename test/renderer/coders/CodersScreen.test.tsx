// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { beforeEach, describe, expect, it } from 'vitest';
import { App } from '../../../renderer/App.tsx';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { CodersScreen } from '../../../renderer/features/coders/CodersScreen.tsx';
import { i18next } from '../../../renderer/i18n.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_CODERS, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { buildCoderFile, parseCoderFile, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import { demoCoderFiles } from '../../../shared/merge/index.ts';
import { createFakePlatform } from '../fakePlatform.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { seedCodings, storedAnswers } from '../codingRows.ts';

setUpRendererTests('en');

const bytes = (text: string) => new TextEncoder().encode(text);
const demoFiles = () => demoCoderFiles().map(({ name, text }) => ({ name, bytes: bytes(text) }));
const sortedCodings = async () =>
  (await storedAnswers()).sort((a, b) =>
    `${a.coderId}/${a.appealId}/${a.variableId}`.localeCompare(`${b.coderId}/${b.appealId}/${b.variableId}`),
  );

beforeEach(async () => {
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coders' });
});

describe('CodersScreen — my coder file', () => {
  it(
    'exports the signed-in coder’s 820 demo codings as a coder file that reads back',
    { timeout: 60_000 },
    async () => {
      const aigerim = DEMO_CODERS[0]!;
      await signInCoder(aigerim.id, aigerim.name);
      const user = userEvent.setup();
      const { platform } = renderWithPlatform(<CodersScreen />);
      // The demo: Aigerim coded 4 variables of 205 appeals (the overlap sample of 68 and her 137).
      expect(
        await screen.findByText(/your 820 codings in this project/, {}, { timeout: 10_000 }),
      ).toBeInTheDocument();
      await user.click(screen.getByRole('button', { name: 'Export my coder file…' }));
      await screen.findByText(/^Saved as Aigerim-\d{4}-\d\d-\d\d\.kodtau-coder\.json\.$/);
      const file = parseCoderFile(new TextDecoder().decode(platform.saved[0]!.bytes));
      expect(file.coder).toEqual(aigerim);
      expect(file.codings).toHaveLength(820);
    },
  );

  it('exports from the application menu too', async () => {
    await signInCoder(DEMO_CODERS[1]!.id, DEMO_CODERS[1]!.name);
    useAppStore.setState({ screen: 'projects' });
    const platform = createFakePlatform();
    renderWithPlatform(<App />, platform);
    await screen.findByRole('heading', { name: 'Projects' });
    platform.sendMenuCommand('exportCoderFile');
    await screen.findByText(/^Saved as Dmitry-/);
    expect(useAppStore.getState().screen).toBe('coders');
    expect(parseCoderFile(new TextDecoder().decode(platform.saved[0]!.bytes)).coder).toEqual(DEMO_CODERS[1]);
  });
});

describe('CodersScreen — merging coder files', () => {
  beforeEach(async () => {
    await signInCoder('supervisor', 'Supervisor');
    // A supervisor's project that has the appeals but none of the coders' work yet.
    await db.codingBlocks
      .where(':id')
      .between([DEMO_PROJECT_ID, Dexie.minKey], [DEMO_PROJECT_ID, Dexie.maxKey])
      .delete();
  });

  it(
    'merges many files at once and reports each; a second import changes nothing',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      const { platform } = renderWithPlatform(<CodersScreen />);
      const damaged = { name: 'broken.json', bytes: bytes('{"format":"kodtau-coder-file","ver') };
      platform.nextOpen = [...demoFiles(), damaged];
      await user.click(await screen.findByRole('button', { name: 'Import coder files…' }));

      // 1636 codings to check and write: a generous wait.
      const report = await screen.findByRole('table', { name: 'Merge report' }, { timeout: 20_000 });
      const rows = within(report).getAllByRole('row').slice(1);
      expect(rows.map((row) => row.textContent)).toEqual([
        'aigerim.kodtau-coder.jsonAigerim82000merged',
        'dmitry.kodtau-coder.jsonDmitry81600merged',
        'broken.jsonThe file cannot be read: it is damaged or not a coder file.refused',
      ]);
      const expected = createDemoProject().codings.sort((a, b) =>
        `${a.coderId}/${a.appealId}/${a.variableId}`.localeCompare(
          `${b.coderId}/${b.appealId}/${b.variableId}`,
        ),
      );
      expect(await sortedCodings()).toEqual(expected);

      platform.nextOpen = demoFiles().reverse();
      await user.click(screen.getByRole('button', { name: 'Import coder files…' }));
      await waitFor(
        () =>
          expect(
            within(screen.getByRole('table', { name: 'Merge report' })).getAllByRole('row')[1]!.textContent,
          ).toBe('dmitry.kodtau-coder.jsonDmitry00816merged'),
        { timeout: 20_000 },
      );
      expect(await sortedCodings()).toEqual(expected);
    },
  );

  it('refuses a file of another project in the user’s language and changes nothing', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodersScreen />);
    await screen.findByRole('button', { name: 'Import coder files…' });
    await i18next.changeLanguage('ru');
    // An intact file whose only difference is the project: the same coder's work in another study.
    const other = buildCoderFile(
      DEMO_CODERS[0]!,
      { ...createDemoProject().codebook, projectId: 'another-study' },
      createDemoProject().codings.map((c) => ({ ...c, projectId: 'another-study' })),
      '2026-11-20T00:00:00.000Z',
    );
    platform.nextOpen = [{ name: 'other.json', bytes: bytes(serializeCoderFile(other)) }];
    await user.click(screen.getByRole('button', { name: 'Импортировать файлы кодировщиков…' }));
    await screen.findByText('Файл относится к другому проекту (another-study).');
    expect((await storedAnswers()).length).toBe(0);
  });

  it('flags a settled unit for review when a later file changes a coder’s answer, keeping the consensus', async () => {
    const demo = createDemoProject();
    const coding = demo.codings.find((c) => c.coderId === DEMO_CODERS[0]!.id && c.variableId === 'response')!;
    await seedCodings(demo.codings);
    const consensus = {
      projectId: DEMO_PROJECT_ID,
      appealId: coding.appealId,
      variableId: 'response',
      values: coding.values,
      method: 'adjudicated' as const,
      by: 'supervisor',
      at: '2026-11-01T00:00:00.000Z',
    };
    await db.consensus.put(consensus);
    const other = demo.codebook.variables
      .find((v) => v.id === 'response')!
      .categories.find((c) => c.code !== coding.values[0])!.code;
    const changed = demo.codings.map((c) =>
      c === coding ? { ...c, values: [other], updatedAt: '2026-11-20T00:00:00.000Z' } : c,
    );
    const file = buildCoderFile(DEMO_CODERS[0]!, demo.codebook, changed, '2026-11-20T00:00:00.000Z');

    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodersScreen />);
    platform.nextOpen = [{ name: 'aigerim-2.json', bytes: bytes(serializeCoderFile(file)) }];
    await user.click(await screen.findByRole('button', { name: 'Import coder files…' }));
    await screen.findByRole('table', { name: 'Merge report' });
    expect(await db.consensus.get([DEMO_PROJECT_ID, coding.appealId, 'response'])).toEqual(consensus);
    expect(await db.reviews.toArray()).toEqual([
      expect.objectContaining({
        appealId: coding.appealId,
        variableId: 'response',
        before: coding.values,
        after: [other],
      }),
    ]);
  });
});
