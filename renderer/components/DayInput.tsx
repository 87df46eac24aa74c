import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../shared/model/index.ts';
import { formatDayNumeric, parseDay } from '../i18n.ts';

/**
 * A calendar day typed in the UI language's numeric form (04.11.2019; 04/11/2019 in English),
 * never the browser's own date picker, whose form follows the system and not the UI. A day that
 * reads is taken at once; one that does not is marked on leaving the field and changes nothing.
 * Arrow up and down step the day by one.
 */
export function DayInput(props: { label: string; value: string; onChange: (day: string) => void }) {
  const { label, value, onChange } = props;
  const { t, i18n } = useTranslation();
  const lang = i18n.language as Lang;
  const [text, setText] = useState(() => formatDayNumeric(value, lang));
  const [invalid, setInvalid] = useState(false);
  const hint = useId();

  // A day set elsewhere (the filter cleared, the language switched) shows in this language's form;
  // the day being typed stays as typed.
  const shownIn = useRef(lang);
  useEffect(() => {
    const switched = shownIn.current !== lang;
    shownIn.current = lang;
    setText((typed) =>
      !switched && typed && parseDay(typed, lang) === value ? typed : formatDayNumeric(value, lang),
    );
    setInvalid(false);
  }, [value, lang]);

  function type(next: string) {
    setText(next);
    const day = parseDay(next, lang);
    if (next.trim() === '') onChange('');
    else if (day) onChange(day);
    if (invalid && (day || next.trim() === '')) setInvalid(false);
  }

  function step(days: number) {
    const day = parseDay(text, lang) ?? value;
    if (!day) return;
    const date = new Date(`${day}T00:00:00Z`);
    date.setUTCDate(date.getUTCDate() + days);
    const next = date.toISOString().slice(0, 10);
    setText(formatDayNumeric(next, lang));
    onChange(next);
  }

  return (
    <label className="day-input">
      {label}
      <input
        type="text"
        inputMode="numeric"
        autoComplete="off"
        value={text}
        placeholder={t('dayInput.pattern')}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? hint : undefined}
        onChange={(event) => type(event.target.value)}
        onBlur={() => {
          const day = parseDay(text, lang);
          setInvalid(text.trim() !== '' && !day);
          if (day) setText(formatDayNumeric(day, lang));
        }}
        onKeyDown={(event) => {
          if (event.key !== 'ArrowUp' && event.key !== 'ArrowDown') return;
          event.preventDefault();
          step(event.key === 'ArrowUp' ? 1 : -1);
        }}
      />
      {invalid && (
        <span id={hint} className="warning small" role="alert">
          {t('dayInput.invalid', {
            pattern: t('dayInput.pattern'),
            example: formatDayNumeric('2019-11-04', lang),
          })}
        </span>
      )}
    </label>
  );
}
