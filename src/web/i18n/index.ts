import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import fr from './locales/fr.json';
import uk from './locales/uk.json';

/** The languages of the interface: English, French (NATO's other official language), Ukrainian. */
export const LANGUAGES = [
  { code: 'en', label: 'English' },
  { code: 'fr', label: 'Français' },
  { code: 'uk', label: 'Українська' },
] as const;
export type Language = (typeof LANGUAGES)[number]['code'];

const STORAGE_KEY = 'ramstein.language';

export function isLanguage(value: string | null | undefined): value is Language {
  return LANGUAGES.some((l) => l.code === value);
}

function initialLanguage(): Language {
  const stored = readStored();
  if (isLanguage(stored)) return stored;
  for (const candidate of navigator.languages) {
    const base = candidate.slice(0, 2).toLowerCase();
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function readStored(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY);
  } catch {
    // Storage can be disabled; the language then simply is not remembered.
    return null;
  }
}

/** Keeps <html lang> and the stored choice in step with the active language. */
function onLanguageChanged(language: string): void {
  document.documentElement.lang = language;
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // See readStored.
  }
}

export async function setupI18n(): Promise<typeof i18next> {
  i18next.on('languageChanged', onLanguageChanged);
  await i18next.use(initReactI18next).init({
    resources: { en: { translation: en }, fr: { translation: fr }, uk: { translation: uk } },
    lng: initialLanguage(),
    // Keys not yet translated show in English rather than as raw keys.
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  document.documentElement.lang = i18next.language;
  return i18next;
}

/** The BCP 47 locale used for Intl formatting in each interface language. */
export function localeOf(language: string): string {
  switch (language) {
    case 'fr':
      return 'fr-FR';
    case 'uk':
      return 'uk-UA';
    default:
      return 'en-GB';
  }
}
