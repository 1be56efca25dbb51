import { Alert, type MantineSpacing } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';

/** A failed request in the server's own words (or a generic line when it never answered); else nothing. */
export function ErrorAlert({ error, mt }: { error: unknown; mt?: MantineSpacing }) {
  const { t } = useTranslation();
  if (!error) return null;
  return (
    <Alert color="red" role="alert" mt={mt}>
      {error instanceof ApiError ? error.body.message : t('errors.unexpected')}
    </Alert>
  );
}
