// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { openDemoProject } from '../../../renderer/db/projects.ts';
import { SamplePlan } from '../../../renderer/features/packages/SamplePlan.tsx';
import { renderWithPlatform, setUpRendererTests } from '../harness.tsx';
import { createFakePlatform } from '../fakePlatform.ts';

setUpRendererTests('en');

describe('SamplePlan', () => {
  it('gives per variable the values and appeals the overlap needs, and warns when the chosen one is smaller', async () => {
    const projectId = await openDemoProject();
    const user = userEvent.setup();
    renderWithPlatform(
      <SamplePlan projectId={projectId} coders={2} overlapSize={20} />,
      createFakePlatform(),
    );
    const plan = await screen.findByRole('region', { name: 'How large must the overlap sample be?' });
    const rows = await within(plan).findAllByRole('row');
    // A header and the demo's four choice variables.
    expect(rows).toHaveLength(5);
    const status = within(plan).getByRole('status');
    expect(status).toHaveTextContent(
      /^The overlap sample of 20 appeals is too small: at least [\d,]+ appeals are needed\.$/,
    );
    const needed = Number(status.textContent!.match(/at least ([\d,]+)/)![1]!.replace(/,/g, ''));

    // A stricter minimum needs more.
    await user.selectOptions(within(plan).getByLabelText('Minimum acceptable α'), '0.900');
    const stricter = Number(
      within(plan)
        .getByRole('status')
        .textContent!.match(/at least ([\d,]+)/)![1]!
        .replace(/,/g, ''),
    );
    expect(stricter).toBeGreaterThan(needed);
  });

  it('says the overlap is enough when it is', async () => {
    const projectId = await openDemoProject();
    renderWithPlatform(
      <SamplePlan projectId={projectId} coders={2} overlapSize={100_000} />,
      createFakePlatform(),
    );
    const plan = await screen.findByRole('region', { name: 'How large must the overlap sample be?' });
    expect(within(plan).getByRole('status')).toHaveTextContent(/is large enough/);
  });
});
