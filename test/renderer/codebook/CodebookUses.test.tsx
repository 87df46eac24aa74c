// @vitest-environment jsdom
import { configure, screen } from '@testing-library/react';
import { useSyncExternalStore } from 'react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import type { UsageCounts } from '../../../renderer/features/codebook/codebookData.ts';
import { CodebookScreen } from '../../../renderer/features/codebook/CodebookScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { createDemoProject } from '../../../shared/demo/index.ts';
import { codebookHash } from '../../../shared/model/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');
vi.setConfig({ testTimeout: 30_000 });
configure({ asyncUtilTimeout: 8000 });

// The counts arrive when the test says (the screen's own hook reads them from the block figures).
const counts = vi.hoisted(() => {
  let value: UsageCounts | undefined;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next: UsageCounts) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener: () => void) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
});
vi.mock('../../../renderer/features/codebook/codebookData.ts', async (original) => ({
  ...(await original<typeof import('../../../renderer/features/codebook/codebookData.ts')>()),
  useUsageCounts: () => useSyncExternalStore(counts.subscribe, counts.get),
}));
// Every label and definition field of the editor: counted as it renders.
const renders = vi.hoisted(() => ({ fields: 0 }));
vi.mock('../../../renderer/features/codebook/TranslatedFields.tsx', async (original) => {
  const real = await original<typeof import('../../../renderer/features/codebook/TranslatedFields.tsx')>();
  return {
    TranslatedFields: (props: Parameters<typeof real.TranslatedFields>[0]) => {
      renders.fields++;
      return real.TranslatedFields(props);
    },
  };
});

const demo = createDemoProject();

beforeEach(async () => {
  await signInCoder();
  useAppStore.setState({ projectId: await openDemoProject() });
  const variables = demo.codebook.variables.filter((v) => v.id === 'response');
  await db.codebooks.put({ ...demo.codebook, variables, hash: codebookHash({ variables, merges: [] }) });
});

describe('CodebookScreen: usage counts', () => {
  it('draws the counts when they arrive without drawing the editor again', async () => {
    renderWithPlatform(<CodebookScreen />);
    await screen.findByRole('article', { name: "Agency's response" });
    expect(screen.queryByText(/^\d+ codings?$/)).toBeNull();
    const before = renders.fields;
    expect(before).toBeGreaterThan(0);
    const uses: UsageCounts = new Map([
      [
        'response',
        new Map([
          ['', 7],
          ['no_answer', 3],
        ]),
      ],
    ]);
    counts.set(uses);
    expect(await screen.findByText('7 codings')).toBeInTheDocument();
    expect(screen.getByText('3 codings')).toBeInTheDocument();
    expect(screen.getAllByText('0 codings').length).toBeGreaterThan(0);
    expect(renders.fields).toBe(before);
  });
});
