import { useTranslation } from 'react-i18next';
import { localeOf } from '../i18n';

/** The Intl locale of the active interface language. */
export function useLocale(): string {
  const { i18n } = useTranslation();
  return localeOf(i18n.resolvedLanguage ?? i18n.language);
}
