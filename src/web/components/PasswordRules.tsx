import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useAuthConfig } from '../api/session';

/** The password rules as NIST SP 800-63B puts them: length counts, composition rules do not. */
export function PasswordRules({ id }: { id: string }) {
  const { t } = useTranslation();
  const config = useAuthConfig();
  const min = config.data?.password.minLength ?? 15;
  const max = config.data?.password.maxLength ?? 64;
  return (
    <div id={id}>
      <Text size="sm" fw={600}>
        {t('password.rulesTitle')}
      </Text>
      <List size="sm" spacing={2}>
        <List.Item>{t('password.ruleLength', { min, max })}</List.Item>
        <List.Item>{t('password.ruleComposition')}</List.Item>
        <List.Item>{t('password.ruleCommon')}</List.Item>
        <List.Item>{t('password.rulePassphrase')}</List.Item>
      </List>
    </div>
  );
}
