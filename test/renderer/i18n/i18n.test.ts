import { beforeAll, describe, expect, it } from 'vitest';
import {
  formatDate,
  formatNumber,
  formatPercent,
  i18next,
  initI18n,
  systemLanguage,
} from '../../../renderer/i18n.ts';

describe('systemLanguage', () => {
  it('takes the base of a regional tag', () => {
    expect(systemLanguage(['kk-KZ'])).toBe('kk');
  });

  it('skips languages Kodtau does not speak and takes the first one it does', () => {
    expect(systemLanguage(['de-DE', 'ru'])).toBe('ru');
    expect(systemLanguage(['ru-RU', 'kk-KZ'])).toBe('ru');
  });

  it('reads tags case-insensitively', () => {
    expect(systemLanguage(['KK'])).toBe('kk');
  });

  it('falls back to English when nothing matches or nothing is given', () => {
    expect(systemLanguage([])).toBe('en');
    expect(systemLanguage(['de-DE', 'fr'])).toBe('en');
  });
});

// Separators per CLDR: ru and kk group with a no-break space (U+00A0; some ICU versions use the
// narrow U+202F) and use a decimal comma; en-GB groups with a comma and uses a decimal point.
const SPACE = '[\\u00a0\\u202f ]';

describe('formatPercent', () => {
  it("writes the study's 17.9 % (61 of 341, Table 2) with a decimal comma and a spaced % in Russian", () => {
    expect(formatPercent(61 / 341, 'ru')).toMatch(new RegExp(`^17,9${SPACE}%$`));
    expect(formatPercent(0.179, 'ru')).toMatch(new RegExp(`^17,9${SPACE}%$`));
  });

  it('uses a decimal comma in Kazakh and a decimal point in English', () => {
    expect(formatPercent(0.179, 'kk')).toMatch(new RegExp(`^17,9${SPACE}?%$`));
    expect(formatPercent(0.179, 'en')).toBe('17.9%');
  });

  it('keeps the requested digits, trailing zeros included', () => {
    expect(formatPercent(0.5, 'en')).toBe('50.0%');
    expect(formatPercent(0.12345, 'en', 2)).toBe('12.35%');
  });
});

describe('formatNumber', () => {
  it('groups thousands the local way', () => {
    expect(formatNumber(100000, 'ru')).toMatch(new RegExp(`^100${SPACE}000$`));
    expect(formatNumber(100000, 'kk')).toMatch(new RegExp(`^100${SPACE}000$`));
    expect(formatNumber(100000, 'en')).toBe('100,000');
  });
});

describe('i18next with the Kodtau resources', () => {
  beforeAll(async () => {
    await initI18n('ru');
  });

  // Russian plural rules (CLDR): 1, 21, 341 → one; 3 → few; 5 → many.
  it.each([
    [1, '1 обращение'],
    [3, '3 обращения'],
    [5, '5 обращений'],
    [21, '21 обращение'],
    [341, '341 обращение'],
    [11, '11 обращений'],
  ])('ru: %i → %s', async (count, expected) => {
    await i18next.changeLanguage('ru');
    expect(i18next.t('common.appealCount', { count })).toBe(expected);
  });

  it('kk: the noun does not change after a numeral (341 өтініш)', async () => {
    await i18next.changeLanguage('kk');
    expect(i18next.t('common.appealCount', { count: 341 })).toBe('341 өтініш');
    expect(i18next.t('common.appealCount', { count: 1 })).toBe('1 өтініш');
  });

  it('en: one and other', async () => {
    await i18next.changeLanguage('en');
    expect(i18next.t('common.appealCount', { count: 1 })).toBe('1 appeal');
    expect(i18next.t('common.appealCount', { count: 341 })).toBe('341 appeals');
  });

  it("formats the count with the language's grouping ({{count, number}})", async () => {
    await i18next.changeLanguage('ru');
    expect(i18next.t('common.appealCount', { count: 100000 })).toMatch(
      new RegExp(`^100${SPACE}000 обращений$`),
    );
  });
});

describe('formatDate', () => {
  it('writes Kazakh dates numerically, as in Kazakhstan, and Russian and English ones with the month', () => {
    const iso = '2019-11-04T10:00:00Z';
    expect(formatDate(iso, 'kk')).toBe('04.11.2019');
    expect(formatDate(iso, 'ru')).toMatch(/^4 нояб\.? 2019/);
    expect(formatDate(iso, 'en')).toBe('4 Nov 2019');
  });

  it('returns a value that is not a date as it is', () => {
    expect(formatDate('soon', 'ru')).toBe('soon');
  });
});
