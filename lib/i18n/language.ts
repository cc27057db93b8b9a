/** The languages of the interface; the message files in `public/_locales/` exist for each. */
export const UI_LANGUAGES = ['en', 'es'] as const;
export type UiLanguage = (typeof UI_LANGUAGES)[number];

/** The interface language: the setting when forced, else the browser's. */
export function uiLanguage(setting: 'auto' | UiLanguage, browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
}

const LOCALES: Record<UiLanguage, string> = { en: 'en-US', es: 'es' };

/** The BCP 47 locale `Intl` formats with in each interface language. */
export function intlLocale(lang: UiLanguage): string {
  return LOCALES[lang];
}
