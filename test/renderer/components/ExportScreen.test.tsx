// @vitest-environment jsdom
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { ExportScreen } from '../../../renderer/features/export/ExportScreen.tsx';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { LONG_CSV_HEADER } from '../../../shared/formats/longCodingsCsv.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';

setUpRendererTests('en');

beforeEach(async () => {
  await signInCoder();
  await openDemoProject();
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'export' });
});

async function exportOnce(platform = renderWithPlatform(<ExportScreen />).platform) {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Export CSV…' }, { timeout: 5000 }));
  await waitFor(() => expect(platform.saved).toHaveLength(1));
  const call = platform.saved[0]!;
  return { call, platform, user, text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(call.bytes) };
}

describe('ExportScreen', () => {
  it('saves a CSV that starts with the UTF-8 BOM and the long-layout header', async () => {
    const { call, text } = await exportOnce();
    // EF BB BF: U+FEFF in UTF-8, what Excel looks for to read the file as UTF-8.
    expect(Array.from(call.bytes.slice(0, 3))).toEqual([0xef, 0xbb, 0xbf]);
    expect(call.suggestedName).toBe(`${DEMO_PROJECT_ID}-codings.csv`);
    expect(call.filters).toEqual([{ name: 'CSV', extensions: ['csv'] }]);
    // English UI: comma-separated, CRLF line ends.
    const lines = text.slice(1).split('\r\n');
    expect(lines[0]).toBe(LONG_CSV_HEADER.join(','));
  });

  it('writes one row per coding and says how many', async () => {
    const { text } = await exportOnce();
    const codings = await db.codings.count();
    expect(codings).toBeGreaterThan(0);
    // Header + one line per coding + the empty string after the final CRLF. No cell of the demo
    // holds a line break, so lines and rows coincide.
    expect(text.split('\r\n')).toHaveLength(codings + 2);
    await waitFor(() =>
      expect(screen.getByRole('status')).toHaveTextContent(
        `Exported ${codings.toLocaleString('en-GB')} codings.`,
      ),
    );
  });

  it('splits on semicolons when the user picks them (Excel in Russian or Kazakh)', async () => {
    const user = userEvent.setup();
    const { platform } = renderWithPlatform(<ExportScreen />);
    await user.click(await screen.findByRole('radio', { name: /Semicolon/ }, { timeout: 5000 }));
    const { text } = await exportOnce(platform);
    expect(text.slice(1).split('\r\n')[0]).toBe(LONG_CSV_HEADER.join(';'));
  });

  it('says the export was cancelled when the user cancels the dialog', async () => {
    const { platform } = renderWithPlatform(<ExportScreen />);
    platform.saveResult = false;
    await exportOnce(platform);
    await waitFor(() => expect(screen.getByRole('status')).toHaveTextContent('Export cancelled.'));
  });

  it('asks to open a project when none is open', async () => {
    useAppStore.setState({ projectId: null });
    const { platform } = renderWithPlatform(<ExportScreen />);
    expect(await screen.findByText('Open a project first.')).toBeInTheDocument();
    expect(platform.saved).toHaveLength(0);
  });
});
