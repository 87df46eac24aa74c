// @vitest-environment jsdom
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../renderer/db/db.ts';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { AgreementScreen } from '../../../renderer/features/agreement/AgreementScreen.tsx';
import { formatCoefficient, SOFTWARE } from '../../../renderer/features/agreement/methodsParagraph.ts';
import { useAppStore } from '../../../renderer/store/index.ts';
import { DEMO_PROJECT_ID } from '../../../shared/demo/index.ts';
import { renderWithPlatform, setUpRendererTests, signInCoder } from '../harness.tsx';
import { appealCount } from '../../../renderer/db/appeals.ts';

setUpRendererTests('en');

beforeEach(async () => {
  await openDemoProject();
  await signInCoder('supervisor', 'Supervisor');
  useAppStore.setState({ projectId: DEMO_PROJECT_ID, screen: 'agreement' });
});

/** The dashboard's "0.812" as APA prints it: ".812". */
const apa = (text: string) => text.replace(/^(-?)0\./, '$1.');

describe('methods paragraph', () => {
  it('formats coefficients by the language: APA without the leading zero, decimal comma in ru and kk', () => {
    expect(formatCoefficient(0.8123, 'en')).toBe('.812');
    expect(formatCoefficient(-0.05, 'en')).toBe('-.050');
    expect(formatCoefficient(1, 'en')).toBe('1.000');
    expect(formatCoefficient(0.8123, 'ru')).toBe('0,812');
    expect(formatCoefficient(0.8123, 'kk')).toBe('0,812');
  });

  it(
    'states the numbers the dashboard shows, copies them, and puts them in the HTML report',
    { timeout: 60_000 },
    async () => {
      const user = userEvent.setup();
      const writeText = vi.fn(() => Promise.resolve());
      Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
      const { platform } = renderWithPlatform(<AgreementScreen />);
      const section = await screen.findByRole('region', { name: 'Methods paragraph' }, { timeout: 20_000 });
      const paragraph = await within(section).findByText(/^The corpus comprised/, {}, { timeout: 50_000 });
      const text = paragraph.textContent!;

      const appeals = await appealCount(DEMO_PROJECT_ID);
      const adjudicated = (await db.consensus.where('projectId').equals(DEMO_PROJECT_ID).toArray()).filter(
        (c) => c.method === 'adjudicated',
      ).length;
      expect(text).toContain(`The corpus comprised ${appeals.toLocaleString('en-GB')} appeals.`);
      expect(text).toContain(`(seed 1)`);
      expect(text).toContain('1,000 bootstrap resamples');
      expect(text).toContain('The minimum acceptable α was .800:');
      expect(text).toContain(`${SOFTWARE.name} ${SOFTWARE.version}`);
      expect(text).toContain(
        adjudicated === 0 ? 'No disagreement was adjudicated.' : `${adjudicated} answer`,
      );

      const table = screen.getByRole('table');
      const rows = within(table).getAllByRole('row').slice(1);
      let largest = 0;
      for (const row of rows) {
        const name = within(row).getByRole('button').textContent!;
        const cells = within(row)
          .getAllByRole('cell')
          .map((c) => c.textContent!);
        const [units, coders, , alpha, ci] = cells;
        largest = Math.max(largest, Number(units!.replace(/\D/g, '')));
        expect(Number(coders)).toBeGreaterThanOrEqual(2);
        const item = `${name} (`;
        expect(text).toContain(item);
        expect(text).toContain(`n = ${units}), α = ${apa(alpha!)}`);
        if (ci !== '—') {
          const [lower, upper] = ci!.split(' – ');
          expect(text).toContain(`α = ${apa(alpha!)}, 95% CI [${apa(lower!)}, ${apa(upper!)}]`);
        }
      }
      expect(text).toContain(`A sample of ${largest} appeals`);
      const coders = screen.getAllByRole('checkbox', { checked: true }).length - 0;
      expect(text).toContain(`${coders} coders took part.`);

      // Another minimum: the paragraph follows the select.
      await user.selectOptions(screen.getByRole('combobox'), '0.667');
      await within(section).findByText(/The minimum acceptable α was \.667:/);

      await user.click(within(section).getByRole('button', { name: 'Copy the paragraph' }));
      expect(writeText).toHaveBeenCalledWith(within(section).getByText(/^The corpus comprised/).textContent);
      await within(section).findByText('The paragraph is copied.');

      writeText.mockImplementationOnce(() => Promise.reject(new Error('denied')));
      await user.click(within(section).getByRole('button', { name: 'Copy the paragraph' }));
      await within(section).findByText(/Copying is not allowed here/);

      await user.click(screen.getByRole('button', { name: /HTML/ }));
      await waitFor(() => expect(platform.saved.at(-1)?.suggestedName).toMatch(/\.html$/));
      const html = new TextDecoder().decode(platform.saved.at(-1)!.bytes);
      const escaped = within(section)
        .getByText(/^The corpus comprised/)
        .textContent!.replace(/&/g, '&amp;')
        .replace(/'/g, '&#39;');
      expect(html).toContain(escaped);
    },
  );
});
