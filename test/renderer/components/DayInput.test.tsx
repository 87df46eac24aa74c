// @vitest-environment jsdom
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { DayInput } from '../../../renderer/components/DayInput.tsx';
import { formatDayNumeric, i18next, parseDay } from '../../../renderer/i18n.ts';
import { setUpRendererTests } from '../harness.tsx';

setUpRendererTests('ru');

/** The input with its day kept as a filter keeps it, and every change recorded. */
function Harness({ initial, changes }: { initial: string; changes: string[] }) {
  const [day, setDay] = useState(initial);
  return (
    <>
      <DayInput
        label="Дата с"
        value={day}
        onChange={(next) => {
          changes.push(next);
          setDay(next);
        }}
      />
      <button type="button" onClick={() => setDay('')}>
        reset
      </button>
    </>
  );
}

describe('DayInput', () => {
  it('shows the day in the UI language’s numeric form, not the browser’s mm/dd/yyyy', async () => {
    render(<Harness initial="2019-11-04" changes={[]} />);
    const input = screen.getByRole('textbox', { name: 'Дата с' });
    expect(input).toHaveValue('04.11.2019');
    expect(input).toHaveAttribute('placeholder', 'дд.мм.гггг');
    await i18next.changeLanguage('en');
    expect(await screen.findByDisplayValue('04/11/2019')).toBe(input);
    await i18next.changeLanguage('ru');
  });

  it('takes a typed day at once, steps it with the arrow keys, and follows a reset', async () => {
    const user = userEvent.setup();
    const changes: string[] = [];
    render(<Harness initial="" changes={changes} />);
    const input = screen.getByRole('textbox', { name: 'Дата с' });
    await user.type(input, '1.9.2019');
    expect(changes.at(-1)).toBe('2019-09-01');
    await user.keyboard('{ArrowDown}');
    expect(input).toHaveValue('31.08.2019');
    expect(changes.at(-1)).toBe('2019-08-31');
    await user.click(screen.getByRole('button', { name: 'reset' }));
    expect(input).toHaveValue('');
  });

  it('marks a day that does not exist on leaving the field and leaves the filter as it was', async () => {
    const user = userEvent.setup();
    const changes: string[] = [];
    render(<Harness initial="2019-11-04" changes={changes} />);
    const input = screen.getByRole('textbox', { name: 'Дата с' });
    await user.clear(input);
    await user.type(input, '31.02.2019');
    await user.tab();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByRole('alert')).toHaveTextContent(
      'Это не дата: напишите её в виде дд.мм.гггг, например 04.11.2019. Фильтр не изменён.',
    );
    // Cleared on the way (an empty field is "any date"), never set to a day that does not exist.
    expect(
      changes.every((day) => day === '' || day === '2019-11-04' || /^\d{4}-\d{2}-\d{2}$/.test(day)),
    ).toBe(true);
    expect(changes).not.toContain('2019-03-03');
  });
});

describe('parseDay and formatDayNumeric', () => {
  it('read the UI language’s order, ISO, and refuse what is no day', () => {
    expect(parseDay('04.11.2019', 'kk')).toBe('2019-11-04');
    expect(parseDay('4/11/2019', 'en')).toBe('2019-11-04');
    expect(parseDay('2019-11-04', 'ru')).toBe('2019-11-04');
    expect(parseDay('29.02.2020', 'ru')).toBe('2020-02-29');
    for (const text of ['29.02.2019', '04.11.19', '13/13/2019', '2019', '', '04.11.2019 10:00'])
      expect(parseDay(text, 'ru')).toBeNull();
    expect(formatDayNumeric('2019-11-04', 'kk')).toBe('04.11.2019');
    expect(formatDayNumeric('2019-11-04', 'en')).toBe('04/11/2019');
  });
});
