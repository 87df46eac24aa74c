// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppealView } from '../../../renderer/features/coding/AppealView.tsx';
import { createDemoProject } from '../../../shared/demo/index.ts';
import type { Appeal } from '../../../shared/model/index.ts';
import { setUpRendererTests } from '../harness.tsx';

setUpRendererTests('ru');

const { codebook } = createDemoProject();
const appeal = (meta: Record<string, string>): Appeal => ({
  projectId: 'p',
  id: 'A-1',
  text: 'Текст обращения',
  meta,
  order: 0,
});

describe('AppealView', () => {
  it('shows the date in the UI language, never as an ISO day, and the language by its name', () => {
    render(
      <AppealView appeal={appeal({ date: '2019-08-05', language: 'kk' })} codebook={codebook} query="" />,
    );
    expect(screen.getByText('5 авг. 2019 г.')).toBeInTheDocument();
    expect(screen.queryByText('2019-08-05')).toBeNull();
    expect(screen.getByText('казахский')).toBeInTheDocument();
  });

  it("shows the agency's reply only where the source had a reply column", () => {
    const { unmount } = render(
      <AppealView appeal={appeal({ date: '2019-08-05' })} codebook={codebook} query="" />,
    );
    expect(screen.queryByText('Ответ агентства')).toBeNull();
    expect(screen.queryByText('Ответа нет')).toBeNull();
    unmount();
    render(<AppealView appeal={appeal({ reply: '' })} codebook={codebook} query="" />);
    expect(screen.getByText('Ответ агентства')).toBeInTheDocument();
    expect(screen.getByText('Ответа нет')).toBeInTheDocument();
  });
});
