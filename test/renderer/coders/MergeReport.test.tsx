// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { CodersScreen } from '../../../renderer/features/coders/CodersScreen.tsx';
import { MergeReport } from '../../../renderer/features/coders/MergeReport.tsx';
import { i18next } from '../../../renderer/i18n.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject, DEMO_CODERS, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { buildCoderFile, serializeCoderFile } from '../../../shared/formats/coderFile.ts';
import type { FileReport, MergeProblem } from '../../../shared/merge/index.ts';
import type { Lang } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswers, storedCleared } from '../codingRows.ts';

// Times are shown in this computer's time zone: pin it, so that the expected text is one.
process.env.TZ = 'Asia/Almaty';
setUpRendererTests('en');

const NOW = '2026-12-01T12:00:00.000Z';
const AHEAD = '2026-12-02T12:00:01.000Z';
const where = { appealId: 'OD-2019-0101', variableId: 'region' };
const refusedWith = (problem: MergeProblem): FileReport[] => [
  { fileName: 'aigerim.json', status: 'refused', problem },
];
const shown = async (lang: Lang, problem: MergeProblem) => {
  await i18next.changeLanguage(lang);
  render(<MergeReport reports={refusedWith(problem)} />);
  return screen.getByRole('row', { name: /aigerim\.json/ }).querySelectorAll('td')[1]!.textContent;
};

describe('MergeReport — the new refusals in the user’s language', () => {
  it.each([
    [
      'en',
      'Variable region of appeal OD-2019-0101 was edited on 2 Dec 2026, 17:00, more than a day ahead of this computer’s time (1 Dec 2026, 17:00). One of the two computers’ clocks is wrong: check the coder’s computer and this one.',
    ],
    [
      'ru',
      'Переменная region обращения OD-2019-0101 изменена 2 дек. 2026 г., 17:00 — более чем на сутки позже времени этого компьютера (1 дек. 2026 г., 17:00). Часы одного из компьютеров идут неверно: проверьте часы компьютера кодировщика и этого компьютера.',
    ],
    [
      'kk',
      'OD-2019-0101 өтінішінің region айнымалысының өзгертілген уақыты (02.12.2026, 17:00) бұл компьютердің уақытынан (01.12.2026, 17:00) бір тәуліктен астам алда. Компьютерлердің бірінің сағаты қате тұр: кодтаушының компьютері мен осы компьютердің сағатын тексеріңіз.',
    ],
  ] as const)('an edit ahead of the clock, both times through Intl in %s', async (lang, text) => {
    expect(await shown(lang, { code: 'future-edit', ...where, updatedAt: AHEAD, now: NOW })).toBe(text);
  });

  it('an export ahead of the clock, in Russian', async () => {
    expect(await shown('ru', { code: 'future-export', exportedAt: AHEAD, now: NOW })).toBe(
      'Файл экспортирован 2 дек. 2026 г., 17:00 — более чем на сутки позже времени этого компьютера (1 дек. 2026 г., 17:00). Часы одного из компьютеров идут неверно: проверьте часы компьютера кодировщика и этого компьютера.',
    );
  });

  it('several categories, listed, in Kazakh', async () => {
    expect(
      await shown('kk', { code: 'several-values', ...where, values: ['almaty_city', 'astana_city'] }),
    ).toBe(
      'Файлда OD-2019-0101 өтінішінің region айнымалысына бірнеше санат берілген (almaty_city, astana_city), ал оған бір ғана санат беріледі.',
    );
  });

  const problems: MergeProblem[] = [
    { code: 'duplicate-coding', ...where },
    { code: 'unknown-codebook-version', ...where, version: 7 },
    { code: 'several-values', ...where, values: ['a', 'b'] },
    { code: 'text-on-choice', ...where },
    { code: 'values-on-text', ...where, values: ['a'] },
    { code: 'empty-answer', ...where },
    { code: 'future-edit', ...where, updatedAt: AHEAD, now: NOW },
  ];
  it.each(['kk', 'ru', 'en'] as const)(
    'every new refusal of a coding names the appeal and variable in %s',
    async (lang) => {
      await i18next.changeLanguage(lang);
      render(
        <MergeReport
          reports={problems.map((problem) => ({ fileName: problem.code, status: 'refused', problem }))}
        />,
      );
      for (const problem of problems) {
        const text = screen
          .getByRole('row', { name: new RegExp(`^${problem.code}`) })
          .querySelectorAll('td')[1]!.textContent!;
        expect(text, problem.code).toContain('OD-2019-0101');
        expect(text, problem.code).toContain('region');
        expect(text, problem.code).not.toMatch(/\{\{|coders\.problem/);
        if ('version' in problem) expect(text).toContain('7');
        if ('values' in problem) expect(text).toContain(problem.values.join(', '));
      }
    },
  );
});

describe('CodersScreen — a file from a clock ahead', () => {
  beforeEach(async () => {
    await openDemoProject();
    useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coders' });
    await signInCoder('supervisor', 'Supervisor');
    await db.codingBlocks
      .where(':id')
      .between([DEMO_PROJECT_ID, Dexie.minKey], [DEMO_PROJECT_ID, Dexie.maxKey])
      .delete();
  });
  afterEach(() => vi.useRealTimers());

  it('is refused with both times in the user’s language, and nothing is merged', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(NOW));
    const demo = createDemoProject();
    const own = demo.codings.filter((c) => c.coderId === DEMO_CODERS[0]!.id);
    const first = own[0]!;
    const file = buildCoderFile(
      DEMO_CODERS[0]!,
      demo.codebook,
      own.map((c) => (c === first ? { ...c, updatedAt: AHEAD } : c)),
      '2026-11-30T00:00:00.000Z',
    );
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<CodersScreen />);
    await screen.findByRole('button', { name: 'Import coder files…' });
    await i18next.changeLanguage('kk');
    platform.nextOpen = [{ name: 'ahead.json', bytes: new TextEncoder().encode(serializeCoderFile(file)) }];
    await user.click(screen.getByRole('button', { name: 'Кодтаушы файлдарын импорттау…' }));
    await screen.findByText(
      `${first.appealId} өтінішінің ${first.variableId} айнымалысының өзгертілген уақыты (02.12.2026, 17:00) бұл компьютердің уақытынан (01.12.2026, 17:00) бір тәуліктен астам алда. Компьютерлердің бірінің сағаты қате тұр: кодтаушының компьютері мен осы компьютердің сағатын тексеріңіз.`,
    );
    expect((await storedAnswers()).length).toBe(0);
    expect((await storedCleared()).length).toBe(0);
  });
});
