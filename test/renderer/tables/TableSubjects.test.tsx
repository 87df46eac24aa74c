// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { echarts } from '../../../renderer/features/tables/barChart.ts';
import { TablesScreen } from '../../../renderer/features/tables/TablesScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');
beforeAll(() => echarts.setPlatformAPI({ measureText: (text: string) => ({ width: text.length * 7 }) }));

describe('Tables: what to count', () => {
  it('tells the region metadata column from the coded region variable', async () => {
    await signInCoder();
    useAppStore.setState({ projectId: await openDemoProject(), screen: 'tables' });
    renderWithPlatform(<TablesScreen />);
    const subject = await screen.findByRole('combobox', { name: 'Table of' }, { timeout: 10_000 });
    const names = within(subject)
      .getAllByRole('option')
      .map((option) => option.textContent);
    expect(names).toContain('Region (metadata)');
    expect(names).toContain('Region (coded)');
    expect(names).not.toContain('Region');
    expect(new Set(names).size).toBe(names.length);
  });

  it('a project without a codebook says what is missing and leads to the codebook', async () => {
    await signInCoder();
    await db.projects.add({
      id: 'e',
      name: 'Empty',
      languages: ['en'],
      createdAt: '2024-01-01',
      demo: false,
    });
    useAppStore.setState({ projectId: 'e', screen: 'tables' });
    renderWithPlatform(<TablesScreen />);
    expect(await screen.findByText(/This project has no codebook yet/)).toBeInTheDocument();
    expect(screen.queryByText(/Open a project first/i)).toBeNull();
    expect(screen.getByRole('button', { name: 'Codebook' })).toBeInTheDocument();
  });
});
