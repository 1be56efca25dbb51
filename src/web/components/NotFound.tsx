import { Alert, Anchor, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from './PageTitle';

/** A proper "not found" page body: says what was missing and where to go instead. */
export function NotFound({
  title,
  message,
  back,
}: {
  title: string;
  message: string;
  back?: { to: string; label: string };
}) {
  const { t } = useTranslation();
  return (
    <Stack>
      <PageTitle text={title} />
      <Alert color="red" title={t('errors.notFound')}>
        <Text>{message}</Text>
      </Alert>
      <Anchor component={Link} to={back?.to ?? '/'}>
        {back?.label ?? t('errors.backHome')}
      </Anchor>
    </Stack>
  );
}
