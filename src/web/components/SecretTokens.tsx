import { Badge, Button, Code, CopyButton, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../i18n/format';
import { useLocale } from './use-locale';

/** The account page's section for one kind of secret (API tokens, calendar feeds). */
export function SecretsSection({
  id,
  title,
  intro,
  children,
}: {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  intro: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder p="lg" component="section" aria-labelledby={id}>
      <Title order={2} size="h3" id={id} mb="xs">
        {title}
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {intro}
      </Text>
      <Stack>{children}</Stack>
    </Paper>
  );
}

/** A secret the server shows only once, with a button that copies it. */
export function SecretValue({
  value,
  testId,
  copyLabel,
  children,
}: {
  value: string;
  testId: string;
  /** Names the copy button where the page shows more than one secret. */
  copyLabel?: string;
  /** More buttons on the copy button's row. */
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <>
      <Code block data-testid={testId} style={{ wordBreak: 'break-all' }}>
        {value}
      </Code>
      <Group>
        <CopyButton value={value}>
          {({ copied, copy }) => (
            <Button
              size="xs"
              onClick={copy}
              color={copied ? 'teal.9' : 'blue'}
              aria-label={copyLabel}
            >
              {copied ? t('tokens.copied') : t('tokens.copy')}
            </Button>
          )}
        </CopyButton>
        {children}
      </Group>
    </>
  );
}

/** Dismisses the once-shown secret. */
export function SecretDoneButton({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Button size="xs" variant="default" onClick={onDone}>
      {t('tokens.done')}
    </Button>
  );
}

/** Revoked (and when), expired (for a secret with an end), or active. */
export function SecretStateBadge({
  revokedAt,
  expiresAt,
}: {
  revokedAt: string | null;
  expiresAt?: string;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  const [color, text] = revokedAt
    ? ['gray.7', t('tokens.revokedOn', { date: formatDateTime(revokedAt, locale) })]
    : expiresAt !== undefined && new Date(expiresAt) < new Date()
      ? ['gray.7', t('tokens.expired')]
      : ['#1b5e2f', t('tokens.active')];
  return (
    <Badge color={color} variant="filled" component="span" style={{ minWidth: 'max-content' }}>
      {text}
    </Badge>
  );
}

/** Revokes one secret; `label` names which, as every row has the same visible text. */
export function RevokeSecretButton({
  label,
  loading,
  onClick,
}: {
  label: string;
  loading?: boolean;
  onClick: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="outline"
      color="red.9"
      loading={loading}
      onClick={onClick}
      aria-label={label}
    >
      {t('tokens.revoke')}
    </Button>
  );
}
