import i18next, { type i18n as I18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { DEFAULT_LANGUAGE, LANGUAGES, resources, type Language } from '../../../shared/i18n';

/** The renderer's own i18next instance; the language comes from the stored settings. */
export const i18n: I18n = i18next.createInstance();

export function initI18n(language: Language): void {
  void i18n.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: DEFAULT_LANGUAGE,
    supportedLngs: [...LANGUAGES],
    load: 'currentOnly',
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
    // A missing key would show the raw key to the clerk: make it loud for tests and developers.
    saveMissing: true,
    missingKeyHandler: (_lngs, _ns, key) => console.error(`[i18n] missing key: ${key}`),
  });
  document.documentElement.lang = language;
}

export function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/** The language the screen is shown in right now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : DEFAULT_LANGUAGE;
}
