import i18next, { type TFunction } from 'i18next';
import { formatNumber, resources } from '../../renderer/i18n.ts';
import type { Lang } from '../../shared/model/index.ts';

/**
 * The app's own translations for one language, so that a test runs the same steps in kk, ru and
 * en and finds each button by the text a user of that language reads.
 */
export async function translator(lang: Lang): Promise<TFunction> {
  const instance = i18next.createInstance();
  await instance.init({
    resources,
    lng: lang,
    fallbackLng: false,
    interpolation: { escapeValue: false },
  });
  instance.services.formatter?.add('number', (value: number) => formatNumber(value, lang));
  return instance.t;
}
