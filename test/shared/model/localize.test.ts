import { describe, expect, it } from 'vitest';
import { localize } from '../../../shared/model/index.ts';

describe('localize', () => {
  const all = { kk: 'Аймақ', ru: 'Регион', en: 'Region' };

  it('returns the text in the language asked for', () => {
    expect(localize(all, 'kk')).toBe('Аймақ');
    expect(localize(all, 'ru')).toBe('Регион');
    expect(localize(all, 'en')).toBe('Region');
  });

  // Fallback order kk → ru → en (shared/model/lang.ts): coders read Russian when Kazakh is missing.
  it('falls back from Kazakh to Russian before English', () => {
    expect(localize({ ru: 'Регион', en: 'Region' }, 'kk')).toBe('Регион');
  });

  it('falls back from English to Kazakh, then Russian', () => {
    expect(localize({ kk: 'Аймақ', ru: 'Регион' }, 'en')).toBe('Аймақ');
    expect(localize({ ru: 'Регион' }, 'en')).toBe('Регион');
  });

  it('falls back from Russian to Kazakh, then English', () => {
    expect(localize({ kk: 'Аймақ', en: 'Region' }, 'ru')).toBe('Аймақ');
    expect(localize({ en: 'Region' }, 'ru')).toBe('Region');
  });

  it('returns an empty string for no text at all', () => {
    expect(localize(undefined, 'en')).toBe('');
    expect(localize({}, 'kk')).toBe('');
  });
});
