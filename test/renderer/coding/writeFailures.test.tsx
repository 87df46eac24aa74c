// @vitest-environment jsdom
import { act, configure, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { CodingScreen } from '../../../renderer/features/coding/CodingScreen.tsx';
import { i18next } from '../../../renderer/i18n.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { parseCoderFile } from '../../../shared/formats/coderFile.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import type { Variable } from '../../../shared/model/index.ts';
import { failWrites, installFailingWrites } from '../../failingWrites.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { storedAnswer } from '../codingRows.ts';

setUpRendererTests('en');
installFailingWrites();
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 5000 });

const ME = 'me';
const DEMO = createDemoProject();
const [REASON, REGION, BODY, RESPONSE] = DEMO.codebook.variables as [Variable, Variable, Variable, Variable];
const code = (variable: Variable, index: number) => variable.categories[index]!.code;
const key = (variable: Variable, index: number) => variable.categories[index]!.shortcut!;

beforeEach(async () => {
  await signInCoder(ME);
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'coding' });
});
afterEach(() => failWrites(null));

const stored = async (appealIndex: number, variable: Variable) =>
  (await storedAnswer([DEMO_PROJECT_ID, ME, DEMO.appeals[appealIndex]!.id, variable.id]))?.values;

async function renderScreen() {
  const user = userEvent.setup();
  const rendered = renderWithPlatform(<CodingScreen />);
  await screen.findByText('1 / 341');
  await screen.findByText(DEMO.appeals[0]!.id, { selector: '.appeal-id' });
  return { user, platform: rendered.platform };
}

/** Codes region, body and response of the first appeal (stored), leaving the reason. */
async function codeAllButReason(user: ReturnType<typeof userEvent.setup>) {
  for (const variable of [REGION, BODY, RESPONSE]) {
    await user.keyboard(`{ArrowDown}${key(variable, 0)}`);
    await waitFor(async () => expect(await stored(0, variable)).toEqual([code(variable, 0)]));
  }
  await user.keyboard('{ArrowUp}{ArrowUp}{ArrowUp}');
}

describe('a write that fails stops the coder until it is stored', () => {
  it('disk full: says so, does not move on, and stores the change on retry; then Next moves', async () => {
    const { user } = await renderScreen();
    await codeAllButReason(user);
    failWrites('QuotaExceededError');
    await user.keyboard(key(REASON, 0));
    const notice = await screen.findByText('Not saved: the disk is full.');
    expect(screen.getByText(/Free some disk space/)).toBeInTheDocument();

    // Neither the key nor the button moves on while the change is not stored.
    await user.keyboard('{ArrowRight}');
    await user.click(screen.getByRole('button', { name: 'Next' }));
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    expect(await stored(0, REASON)).toBeUndefined();

    failWrites(null);
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    await waitFor(async () => expect(await stored(0, REASON)).toEqual([code(REASON, 0)]));
    await waitFor(() => expect(notice).not.toBeInTheDocument());
    // The refused moves were not kept for later either.
    expect(screen.getByText('1 / 341')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Next' }));
    await screen.findByText('2 / 341');
  });

  it('any other failure: the database could not be written; retried by itself once writes work', async () => {
    const { user } = await renderScreen();
    failWrites('UnknownError');
    await user.keyboard(key(REASON, 1));
    await screen.findByText('Not saved: the database could not be written.');
    expect(screen.queryByText('Not saved: the disk is full.')).toBeNull();
    failWrites(null);
    // No click: the automatic retry (after a second) stores it.
    await waitFor(async () => expect(await stored(0, REASON)).toEqual([code(REASON, 1)]));
    await waitFor(() => expect(screen.queryByText(/could not be written/)).toBeNull());
  });

  it('keys pressed while a change fails are stored after it, in order', async () => {
    const { user } = await renderScreen();
    await user.keyboard('{ArrowDown}');
    failWrites('QuotaExceededError');
    await user.keyboard(key(REGION, 0));
    await screen.findByText('Not saved: the disk is full.');
    await user.keyboard(key(REGION, 1));
    failWrites(null);
    await user.click(screen.getByRole('button', { name: 'Try again now' }));
    // The region is single choice: the later key wins, as the coder pressed them.
    await waitFor(async () => expect(await stored(0, REGION)).toEqual([code(REGION, 1)]));
    await waitFor(() => expect(screen.queryByText(/disk is full/)).toBeNull());
    expect(await stored(0, REGION)).toEqual([code(REGION, 1)]);
  });

  it('the coder file can be exported while writes fail: everything stored, without the failed change', async () => {
    const { user, platform } = await renderScreen();
    await codeAllButReason(user);
    failWrites('QuotaExceededError');
    await user.keyboard(key(REASON, 0));
    await user.click(await screen.findByRole('button', { name: 'Export coder file now…' }));
    await screen.findByText(/^Saved as Tester-/);
    expect(platform.saved).toHaveLength(1);
    const file = parseCoderFile(new TextDecoder().decode(platform.saved[0]!.bytes));
    expect(file.codings.map((c) => c.variableId).sort()).toEqual([BODY.id, REGION.id, RESPONSE.id].sort());
  });

  it('the message is in the UI language', async () => {
    await act(() => i18next.changeLanguage('kk'));
    useAppStore.setState({ language: 'kk' });
    const user = userEvent.setup();
    renderWithPlatform(<CodingScreen />);
    await screen.findByText(DEMO.appeals[0]!.id, { selector: '.appeal-id' });
    failWrites('QuotaExceededError');
    await user.keyboard(key(REASON, 0));
    const notice = await screen.findByText('Сақталмады: диск толып қалды.');
    expect(
      within(notice.closest('[role=alert]')!).getByRole('button', { name: 'Қазір қайталау' }),
    ).toBeVisible();
  });
});
