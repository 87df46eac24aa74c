// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { currentCodebook, openDemoProject } from '../../../renderer/db/projects.ts';
import { saveCodebookVersion } from '../../../renderer/features/codebook/codebookData.ts';
import { CodebookScreen } from '../../../renderer/features/codebook/CodebookScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { mergeCategory, setRetired, updateCategory } from '../../../shared/codebook/index.ts';
import { createDemoProject, DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');

const demo = createDemoProject();
/** Codings of the demo holding `code` on `variableId`, counted here from the demo itself. */
const demoUses = (variableId: string, code: string) =>
  demo.codings.filter((c) => c.variableId === variableId && c.values.includes(code)).length;

beforeEach(async () => {
  await signInCoder('supervisor', 'Supervisor');
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'codebook' });
});

/** Version 2: "abuse" merged into "bribe", "other" retired; version 3: a relabelled category. */
async function twoVersions() {
  const v1 = (await currentCodebook(DEMO_PROJECT_ID))!;
  const { codebook: v2 } = await saveCodebookVersion(
    v1,
    setRetired(mergeCategory(v1, 'reason', 'abuse', 'corruption', 2), 'reason', 'other', true),
  );
  await saveCodebookVersion(
    v2,
    updateCategory(v2, 'region', 'pavlodar', {
      label: {
        ...v2.variables[1]!.categories.find((c) => c.code === 'pavlodar')!.label,
        en: 'Pavlodar Region',
      },
    }),
  );
}

describe('codebook version history', () => {
  it('keeps with each version how many codings its merges moved and its retired categories hold', async () => {
    await twoVersions();
    const v2 = await db.codebooks.get([DEMO_PROJECT_ID, 2]);
    expect(v2!.changeCounts).toEqual([
      { variableId: 'reason', code: 'abuse', count: demoUses('reason', 'abuse') },
      { variableId: 'reason', code: 'other', count: demoUses('reason', 'other') },
    ]);
    expect(demoUses('reason', 'abuse')).toBeGreaterThan(0);
  });

  it('lists every version with what changed and how many codings moved, and what "0 moved" on retiring means', async () => {
    await twoVersions();
    renderWithPlatform(<CodebookScreen />);
    const history = await screen.findByRole('region', { name: 'Version history' });
    await userEvent.setup().click(within(history).getByText('Version history'));
    const versions = within(history).getAllByRole('heading', { level: 3 });
    expect(versions.map((h) => h.textContent?.split(' · ')[0])).toEqual([
      'Version 3',
      'Version 2',
      'Version 1',
    ]);
    const items = within(history)
      .getAllByRole('listitem')
      .map((li) => li.textContent);
    expect(items).toContain('Region: label of “Pavlodar Region” changed (English).');
    const reason = 'Reason for the appeal';
    expect(items).toContain(
      `${reason}: “Abuse of authority” merged into “Encounter with corruption”. ${demoUses('reason', 'abuse')} codings moved.`,
    );
    const retired = items.find((text) => text?.startsWith(`${reason}: category retired: Other.`));
    expect(retired).toContain(
      `0 moved: retiring moves no coding. The ${demoUses('reason', 'other')} codings that hold it keep it`,
    );
    expect(
      within(history).getByText(/^The first version: 4 variables, \d+ categories\.$/),
    ).toBeInTheDocument();
  });
});
