import 'i18next';
import type en from '../locales/en/translation.json';

// A key that `locales/en` does not have is a type error.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: typeof en };
  }
}
