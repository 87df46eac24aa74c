// The locale files keep to docs/glossary.md: one term per concept, counts through plural keys,
// figures written as Intl writes them in each language. Each rule names the glossary term it
// guards, and the first test checks that the glossary still holds that term, so the two cannot
// drift apart silently.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../locales/en/translation.json';
import kk from '../../../locales/kk/translation.json';
import ru from '../../../locales/ru/translation.json';
import { formatNumber, formatPercent } from '../../../renderer/i18n.ts';
import type { Lang } from '../../../shared/model/index.ts';

type Json = { [key: string]: string | Json };

function flatten(tree: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    if (typeof value === 'string') out.set(`${prefix}${key}`, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const STRINGS: Record<Lang, Map<string, string>> = {
  en: flatten(en as Json),
  ru: flatten(ru as Json),
  kk: flatten(kk as Json),
};
const GLOSSARY = readFileSync(new URL('../../../docs/glossary.md', import.meta.url), 'utf8');

interface Rule {
  lang: Lang;
  /** The glossary's term for the concept. */
  term: string;
  /** What no string may say instead. */
  forbidden: RegExp;
  /** Keys where the forbidden word is the right one (another concept of the glossary). */
  except?: (key: string) => boolean;
}

const RULES: Rule[] = [
  // kk: «кодтау» is the activity; one answer is «код белгісі» («1 636 кодтау», «кодтаулары» are not).
  { lang: 'kk', term: 'код белгісі', forbidden: /кодтаулар|кодтауы|\}\} кодтау(?!ш)/i },
  {
    lang: 'kk',
    term: 'күмәнді',
    forbidden: /сенімсіз/i,
    except: (key) => key === 'agreement.level.unreliable' || key === 'agreement.thresholds',
  },
  { lang: 'kk', term: 'жоба пакеті', forbidden: /бума/i },
  { lang: 'kk', term: 'жою', forbidden: /(?<!\p{L})өшір/iu },
  { lang: 'kk', term: 'бірнеше таңдау', forbidden: /таңдаулы/i },
  { lang: 'kk', term: 'жетіспейтін мәндер', forbidden: /жоқ мән/i },
  { lang: 'kk', term: 'жетекші', forbidden: /супервиз|супервайз/i },
  { lang: 'kk', term: 'бастапқы сан', forbidden: /\b(seed|entity|entities)\b|бастапқы мән/ },
  { lang: 'ru', term: 'руководитель', forbidden: /супервайз|супервиз/i },
  { lang: 'ru', term: 'несколько вариантов', forbidden: /множествен|один выбор|одним выбором/i },
  { lang: 'ru', term: 'начальное число', forbidden: /\b(seed|entity|entities)\b|начальное значение/ },
  {
    lang: 'ru',
    term: 'кодовая отметка',
    forbidden: /кодировк/i,
    // «Кодировка» is the text encoding of a file being imported, and only that.
    except: (key) => key === 'import.wizard.encoding' || key.startsWith('import.wizard.suspicious'),
  },
  { lang: 'en', term: 'ID', forbidden: /\bId\b|\bid\b(?!\})/ },
];

/** Keys whose whole value is the glossary's term, per language. */
const EXACT: Record<string, Partial<Record<Lang, string>>> = {
  'coding.unsure': { kk: 'Күмәнді: кейін қайта қарау' },
  'adjudication.unsure': { kk: 'күмәнді', en: 'unsure' },
  'tables.count': { kk: 'Жиілік', ru: 'Частота', en: 'Count' },
  'tables.missing': { kk: 'Жетіспейтін мәндер', ru: 'Пропущенные значения', en: 'Missing' },
  'coding.filter.from': { kk: 'Кезең басы', ru: 'Начало периода', en: 'From' },
  'coding.filter.to': { kk: 'Кезең соңы', ru: 'Конец периода', en: 'To' },
  'menu.undo': { kk: 'Болдырмау', ru: 'Отменить', en: 'Undo' },
  'coding.undo': { kk: 'Болдырмау', ru: 'Отменить', en: 'Undo' },
  'menu.redo': { kk: 'Қайтару', ru: 'Повторить', en: 'Redo' },
  'coding.redo': { kk: 'Қайтару', ru: 'Повторить', en: 'Redo' },
  'codebook.edit.restore': { kk: 'Қалпына келтіру', ru: 'Вернуть', en: 'Restore' },
  'codebook.kind.multi': { kk: 'бірнеше таңдау', ru: 'несколько вариантов', en: 'multiple choice' },
  'codebook.kind.single': { kk: 'бір таңдау', ru: 'один вариант', en: 'single choice' },
  'coding.meta.id': { kk: 'ID', ru: 'ID', en: 'ID' },
  'codebook.edit.id': { kk: 'ID', ru: 'ID', en: 'ID' },
  'import.roles.id': { kk: 'ID', ru: 'ID', en: 'ID' },
  'import.wizard.encoding': { kk: 'Кодтама', ru: 'Кодировка', en: 'Encoding' },
  'languageNames.ru': { kk: 'Орыс тілі', ru: 'Русский', en: 'Russian' },
  'languageNames.kk': { kk: 'Қазақ тілі', ru: 'Казахский', en: 'Kazakh' },
  'languageNames.en': { kk: 'Ағылшын тілі', ru: 'Английский', en: 'English' },
};

/** `{{seed}}` and `{{id}}` are names in code, not words the user reads. */
const withoutPlaceholders = (text: string) => text.replace(/\{\{[^}]*\}\}/g, '{{}}');

describe('docs/glossary.md', () => {
  it.each(RULES.map((rule) => [rule.lang, rule.term] as const))('holds the %s term «%s»', (_, term) => {
    expect(GLOSSARY.toLowerCase()).toContain(term.toLowerCase());
  });
});

describe('the locale files keep to the glossary', () => {
  it.each(RULES.map((rule) => [rule.lang, rule.term, rule] as const))(
    '%s: «%s», never what the glossary rules out',
    (lang, _, rule) => {
      const offending = [...STRINGS[lang]]
        .filter(([key, value]) => rule.forbidden.test(withoutPlaceholders(value)) && !rule.except?.(key))
        .map(([key, value]) => `${key}: ${value}`);
      expect(offending).toEqual([]);
    },
  );

  it('names each of these concepts with its glossary term in every language', () => {
    const wrong: string[] = [];
    for (const [key, expected] of Object.entries(EXACT)) {
      for (const [lang, value] of Object.entries(expected) as [Lang, string][]) {
        if (STRINGS[lang].get(key) !== value) wrong.push(`${lang} ${key}: ${STRINGS[lang].get(key)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('the forbidden-word rules see what they guard against', () => {
    // A rule that matched nothing would pass forever: each catches the slip it was written for.
    const slips: [Lang, string][] = [
      ['kk', '{{count, number}} кодтау'],
      ['kk', 'Сенімсіз: кейін қайта қарау'],
      ['kk', 'көп таңдаулы айнымалы'],
      ['ru', 'возвращаются супервайзеру'],
      ['ru', 'Ваши кодировки хранятся'],
      ['en', 'Variable id “{{id}}”'],
      ['kk', 'XML ішінде entity жарияланған'],
    ];
    for (const [lang, slip] of slips) {
      expect(
        RULES.some((rule) => rule.lang === lang && rule.forbidden.test(slip)),
        slip,
      ).toBe(true);
    }
  });
});

const PLURAL = /_(zero|one|two|few|many|other)$/;
const RU_PLURAL_BASES = new Set(
  [...STRINGS.ru.keys()].filter((key) => PLURAL.test(key)).map((key) => key.replace(PLURAL, '')),
);
/** Russian nouns whose form depends on a number before them. */
const COUNTED = /^(обращени|кодировщик|расхождени|единиц|строк|пакет|категори|переменн|отмет|кодов)/i;

/** The placeholders that carry a number (the others carry names, ids, dates or whole phrases). */
const NUMERIC =
  /^(count|total|n|coded|settled|chosen|overlap|perCoder|min|block|samples|done|units|of|missing|present|current)$/;

describe('Russian counts agree with their number', () => {
  it('a number that a counted noun follows is in a plural key', () => {
    const bad: string[] = [];
    for (const [key, value] of STRINGS.ru) {
      for (const match of value.matchAll(/\{\{(\w+)[^}]*\}\} (\p{L}+)/gu)) {
        if (NUMERIC.test(match[1]!) && COUNTED.test(match[2]!) && !PLURAL.test(key))
          bad.push(`${key}: ${value}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('plural forms differ wherever a word agrees with the count', () => {
    const same: string[] = [];
    for (const base of RU_PLURAL_BASES) {
      const forms = ['one', 'few', 'many'].map((c) => STRINGS.ru.get(`${base}_${c}`) ?? '');
      if (new Set(forms).size > 1) continue;
      // Identical forms are right only where no word agrees: "…и ещё {{count}}.", "({{count}})".
      if (
        /(из|до) \{\{count[^}]*\}\}|\{\{count[^}]*\}\} \p{L}|\p{L}+ \{\{count[^}]*\}\} \p{L}/u.test(forms[0]!)
      )
        same.push(`${base}: ${forms[0]}`);
    }
    expect(same).toEqual([]);
  });

  it('«из 21 обращения», «до 5 обращений», «341 обращение»', async () => {
    const { i18next, initI18n } = await import('../../../renderer/i18n.ts');
    await initI18n('ru');
    await i18next.changeLanguage('ru');
    expect(i18next.t('counts.ofAppeals', { count: 21 })).toBe('из 21 обращения');
    expect(i18next.t('counts.upToAppeals', { count: 5 })).toBe('до 5 обращений');
    expect(i18next.t('coding.codedCount', { count: 1 })).toBe('Вами закодировано 1 обращение');
    expect(i18next.t('adjudication.progress', { settled: '3', total: '21', count: 21 })).toBe(
      'Разрешено 3 из 21 расхождения.',
    );
  });
});

const SPACES = /[\u00a0\u202f ]/g;
/**
 * Kazakh percentages: Node's ICU writes "95%", Chromium (without Kazakh data, so `ru-KZ`, see
 * renderer/i18n.ts) "95 %"; the strings follow the UI, and either spacing is the language's own.
 */
function samePercent(inString: string, written: string, lang: Lang): boolean {
  const norm = (s: string) => (lang === 'kk' ? s.replace(SPACES, '') : s.replace(SPACES, ' '));
  return norm(inString) === norm(written);
}

describe.each(['en', 'ru', 'kk'] as const)('figures written in %s strings', (lang) => {
  it('percentages are written as Intl writes them in this language', () => {
    const bad: string[] = [];
    for (const [key, value] of STRINGS[lang]) {
      for (const match of value.matchAll(/(\d+(?:[.,]\d+)?)\s?%/g)) {
        const number = Number(match[1]!.replace(',', '.'));
        const digits = match[1]!.split(/[.,]/)[1]?.length ?? 0;
        const written = formatPercent(number / 100, lang, digits).replace(SPACES, ' ');
        if (!samePercent(match[0], written, lang)) bad.push(`${key}: “${match[0]}”, Intl: “${written}”`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('numbers of a thousand and more are grouped as Intl groups them in this language', () => {
    const bad: string[] = [];
    for (const [key, value] of STRINGS[lang]) {
      // A grouped number: 1,000 in English; 1 000 in Russian and Kazakh, whose comma is decimal.
      const grouped =
        lang === 'en'
          ? /(?<![\d.,])\d{1,3}(?:[\u00a0\u202f ,]\d{3})+(?![\d.,])/g
          : /(?<![\d.,])\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?![\d])/g;
      for (const match of value.matchAll(grouped)) {
        const number = Number(match[0].replace(/[^\d]/g, ''));
        const written = formatNumber(number, lang).replace(SPACES, ' ');
        if (match[0].replace(SPACES, ' ') !== written) bad.push(`${key}: “${match[0]}”, Intl: “${written}”`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('a whole 100 % is never written into a string (it comes from formatPercent)', () => {
    const bad = [...STRINGS[lang]].filter(([, value]) => /100\s?%/.test(value)).map(([key]) => key);
    expect(bad).toEqual([]);
  });
});
