import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from '../locales/en/translation.json';
import kk from '../locales/kk/translation.json';
import ru from '../locales/ru/translation.json';
import { LANGS, type Lang } from '../shared/model/index.ts';

export const resources = {
  en: { translation: en },
  ru: { translation: ru },
  kk: { translation: kk },
} as const;

/** The name of each language in itself, for the language switch. */
export const LANGUAGE_NAMES: Record<Lang, string> = { kk: 'Қазақша', ru: 'Русский', en: 'English' };

/** BCP 47 tags for Intl: number, date and plural rules. */
export const LOCALES: Record<Lang, string> = { kk: 'kk-KZ', ru: 'ru-RU', en: 'en-GB' };

/**
 * Chromium's ICU data lists `kk` as supported but lacks its formats: numbers come out as
 * "12,345.6" and dates as "2019 M10 1". Kazakh writes numbers like Russian (decimal comma,
 * space between thousands), so where the runtime gets `kk` wrong we format with `ru-KZ`.
 */
const KK_NUMBERS_OK = new Intl.NumberFormat('kk-KZ').format(1.5) === '1,5';
const FORMAT_LOCALES: Record<Lang, string> = { ...LOCALES, kk: KK_NUMBERS_OK ? 'kk-KZ' : 'ru-KZ' };

/** The first of the system's languages that Kodtau speaks, else English. */
export function systemLanguage(languages: readonly string[] = navigator.languages): Lang {
  for (const tag of languages) {
    const base = tag.toLowerCase().split('-')[0];
    if ((LANGS as readonly string[]).includes(base ?? '')) return base as Lang;
  }
  return 'en';
}

export async function initI18n(lang: Lang) {
  await i18next.use(initReactI18next).init({
    resources,
    lng: lang,
    fallbackLng: false,
    supportedLngs: LANGS,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // `{{count, number}}` in the locale files goes through the same formatting as the rest of the UI.
  i18next.services.formatter?.add('number', (value: number, lng: string | undefined) =>
    formatNumber(value, (lng ?? 'en') as Lang),
  );
}

/** Plain number formats by language, made once: a list of 100 000 appeals formats many numbers. */
const plainNumbers = new Map<Lang, Intl.NumberFormat>();

export function formatNumber(value: number, lang: Lang, options?: Intl.NumberFormatOptions): string {
  if (options) return new Intl.NumberFormat(FORMAT_LOCALES[lang], options).format(value);
  let format = plainNumbers.get(lang);
  if (!format) plainNumbers.set(lang, (format = new Intl.NumberFormat(FORMAT_LOCALES[lang])));
  return format.format(value);
}

/** `share` is a fraction (0.179 → "17.9 %" in the locale's own way). */
export function formatPercent(share: number, lang: Lang, digits = 1): string {
  return formatNumber(share, lang, {
    style: 'percent',
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  });
}

export function formatDate(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Numeric (04.11.2019) in Kazakh: the usual form in Kazakhstan, and right in every runtime.
  const options: Intl.DateTimeFormatOptions =
    lang === 'kk' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], options).format(date);
}

/**
 * A calendar day (yyyy-mm-dd, as appeals carry their date) in the UI's language; the same day in
 * every time zone. Anything else is shown as written.
 */
export function formatDay(day: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return day;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  if (Number.isNaN(date.getTime())) return day;
  return dayFormat(lang).format(date);
}

/** One formatter per language: making one costs more than formatting (a table formats a day per row). */
const dayFormats = new Map<Lang, Intl.DateTimeFormat>();
function dayFormat(lang: Lang): Intl.DateTimeFormat {
  let format = dayFormats.get(lang);
  if (!format) {
    const options: Intl.DateTimeFormatOptions =
      lang === 'kk' ? { day: '2-digit', month: '2-digit', year: 'numeric' } : { dateStyle: 'medium' };
    format = new Intl.DateTimeFormat(FORMAT_LOCALES[lang], { ...options, timeZone: 'UTC' });
    dayFormats.set(lang, format);
  }
  return format;
}

/** The order of day, month and year in the UI language's numeric dates, and what separates them. */
function numericDayForm(lang: Lang): { order: ('day' | 'month' | 'year')[]; separator: string } {
  const parts = new Intl.DateTimeFormat(FORMAT_LOCALES[lang], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    timeZone: 'UTC',
  }).formatToParts(new Date(Date.UTC(2019, 10, 4)));
  const order = parts.flatMap((p) =>
    p.type === 'day' || p.type === 'month' || p.type === 'year' ? [p.type] : [],
  );
  return { order, separator: parts.find((p) => p.type === 'literal')?.value ?? '.' };
}

/**
 * A calendar day (yyyy-mm-dd) in the UI language's numeric form, for typing: 04.11.2019 in kk
 * and ru, 04/11/2019 in English. Anything else is given back as written.
 */
export function formatDayNumeric(day: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day.trim());
  if (!match) return day;
  const { order, separator } = numericDayForm(lang);
  const parts = { year: match[1]!, month: match[2]!, day: match[3]! };
  return order.map((part) => parts[part]).join(separator);
}

/**
 * A day typed in the UI language's numeric order (any of . / - or a space between the parts, one
 * or two digits for day and month, four for the year), or as yyyy-mm-dd: the day as yyyy-mm-dd,
 * or null when the text is no real day (31.02.2019, 2019 without a month, a two-digit year).
 */
export function parseDay(text: string, lang: Lang): string | null {
  const pieces = text.trim().split(/[./\-\s]+/);
  if (pieces.length !== 3 || !pieces.every((piece) => /^\d{1,4}$/.test(piece))) return null;
  const order = pieces[0]!.length === 4 ? (['year', 'month', 'day'] as const) : numericDayForm(lang).order;
  const parts = Object.fromEntries(order.map((part, i) => [part, pieces[i]!])) as Record<string, string>;
  if (parts.year?.length !== 4 || parts.month!.length > 2 || parts.day!.length > 2) return null;
  const [year, month, day] = [Number(parts.year), Number(parts.month), Number(parts.day)];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return null;
  return date.toISOString().slice(0, 10);
}

/** The name of a language in the UI's language ("орыс тілі" in Kazakh, "русский" in Russian). */
export function languageName(code: string, lang: Lang): string {
  try {
    return new Intl.DisplayNames([LOCALES[lang]], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}

/** A date with its time of day, in this computer's time zone. */
export function formatDateTime(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  // Numeric in Kazakh, as `formatDate` (04.11.2019, 10:05).
  const options: Intl.DateTimeFormatOptions =
    lang === 'kk'
      ? { day: '2-digit', month: '2-digit', year: 'numeric', hour: '2-digit', minute: '2-digit' }
      : { dateStyle: 'medium', timeStyle: 'short' };
  return new Intl.DateTimeFormat(FORMAT_LOCALES[lang], options).format(date);
}

export { i18next };
