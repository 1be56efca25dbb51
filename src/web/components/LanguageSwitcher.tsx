import { NativeSelect } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, isLanguage } from '../i18n';

/** Chooses the interface language; each language is named in itself so anyone can find theirs. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <NativeSelect
      label={t('language.label')}
      size="xs"
      value={i18n.resolvedLanguage ?? 'en'}
      onChange={(event) => {
        const value = event.currentTarget.value;
        if (isLanguage(value)) void i18n.changeLanguage(value);
      }}
      data={LANGUAGES.map((l) => ({ value: l.code, label: l.label }))}
      styles={{ root: { display: 'flex', alignItems: 'center', gap: 8 } }}
    />
  );
}
