import {
  Alert,
  Button,
  Code,
  Group,
  Modal,
  NativeSelect,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiToken, CreatedApiToken } from '../../core/accounts/account.schema';
import { useApiTokens, useCreateApiToken, useRevokeApiToken } from '../api/accounts';
import { fieldErrors } from '../api/client';
import { formatDateTime } from '../i18n/format';
import { ErrorAlert } from './ErrorAlert';
import {
  RevokeSecretButton,
  SecretDoneButton,
  SecretStateBadge,
  SecretValue,
  SecretsSection,
} from './SecretTokens';
import { QueryState } from './QueryState';
import { useLocale } from './use-locale';

const LIFETIMES = [7, 30, 90, 180, 366] as const;

/** The user's API tokens: list, create (the secret shown once) and revoke. */
export function ApiTokens() {
  const { t } = useTranslation();
  const tokens = useApiTokens();
  const [created, setCreated] = useState<CreatedApiToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  return (
    <SecretsSection id="tokens-heading" title={t('tokens.title')} intro={t('tokens.intro')}>
      {created ? <NewToken token={created} onDone={() => setCreated(null)} /> : null}
      <CreateTokenForm onCreated={setCreated} />
      <QueryState query={tokens}>
        {({ items }) =>
          items.length === 0 ? (
            <Text>{t('tokens.none')}</Text>
          ) : (
            <TokenTable items={items} onRevoke={setRevoking} />
          )
        }
      </QueryState>
      <RevokeDialog token={revoking} onClose={() => setRevoking(null)} />
    </SecretsSection>
  );
}

function NewToken({ token, onDone }: { token: CreatedApiToken; onDone: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="blue" variant="light" title={t('tokens.createdTitle', { name: token.name })}>
      <Stack gap="xs">
        <Text fw={600}>{t('tokens.onceWarning')}</Text>
        <SecretValue value={token.token} testId="new-token">
          <SecretDoneButton onDone={onDone} />
        </SecretValue>
      </Stack>
    </Alert>
  );
}

function CreateTokenForm({ onCreated }: { onCreated: (token: CreatedApiToken) => void }) {
  const { t } = useTranslation();
  const create = useCreateApiToken();
  const [name, setName] = useState('');
  const [scope, setScope] = useState<'read' | 'write'>('read');
  const [days, setDays] = useState<number>(90);
  const errors = fieldErrors(create.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      { name, scope, expiresInDays: days },
      {
        onSuccess: (token) => {
          setName('');
          onCreated(token);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('tokens.createTitle')}>
      <Group align="flex-start" gap="md">
        <TextInput
          label={t('tokens.name')}
          description={t('tokens.nameHint')}
          required
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={errors.name}
          w={260}
        />
        <NativeSelect
          label={t('tokens.scope')}
          description={t('tokens.scopeHint')}
          value={scope}
          onChange={(event) => setScope(event.currentTarget.value === 'write' ? 'write' : 'read')}
          data={[
            { value: 'read', label: t('tokens.scopes.read') },
            { value: 'write', label: t('tokens.scopes.write') },
          ]}
        />
        <NativeSelect
          label={t('tokens.expiresIn')}
          description={t('tokens.expiresInHint')}
          value={String(days)}
          onChange={(event) => setDays(Number(event.currentTarget.value))}
          data={LIFETIMES.map((d) => ({ value: String(d), label: t('tokens.days', { count: d }) }))}
        />
        <Button type="submit" mt={46} loading={create.isPending}>
          {t('tokens.create')}
        </Button>
      </Group>
      {/* Field errors show at their fields; any other failure here. */}
      <ErrorAlert error={Object.keys(errors).length === 0 ? create.error : null} mt="sm" />
    </form>
  );
}

function TokenTable({
  items,
  onRevoke,
}: {
  items: readonly ApiToken[];
  onRevoke: (token: ApiToken) => void;
}) {
  const { t } = useTranslation();
  const locale = useLocale();
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table striped verticalSpacing="xs">
        <caption className="visually-hidden">{t('tokens.caption')}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('tokens.name')}</Table.Th>
            <Table.Th scope="col">{t('tokens.prefix')}</Table.Th>
            <Table.Th scope="col">{t('tokens.scope')}</Table.Th>
            <Table.Th scope="col">{t('tokens.created')}</Table.Th>
            <Table.Th scope="col">{t('tokens.expires')}</Table.Th>
            <Table.Th scope="col">{t('tokens.lastUsed')}</Table.Th>
            <Table.Th scope="col">{t('tokens.state')}</Table.Th>
            <Table.Th scope="col">
              <span className="visually-hidden">{t('tokens.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((token) => (
            <Table.Tr key={token.id}>
              <Table.Td fw={600}>{token.name}</Table.Td>
              <Table.Td>
                <Code>{token.prefix}…</Code>
              </Table.Td>
              <Table.Td>{t(`tokens.scopes.${token.scope}`)}</Table.Td>
              <Table.Td>{formatDateTime(token.createdAt, locale)}</Table.Td>
              <Table.Td>{formatDateTime(token.expiresAt, locale)}</Table.Td>
              <Table.Td>
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt, locale) : t('tokens.never')}
              </Table.Td>
              <Table.Td>
                <SecretStateBadge revokedAt={token.revokedAt} expiresAt={token.expiresAt} />
              </Table.Td>
              <Table.Td>
                {token.revokedAt ? null : (
                  <RevokeSecretButton
                    label={t('tokens.revokeNamed', { name: token.name })}
                    onClick={() => onRevoke(token)}
                  />
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function RevokeDialog({ token, onClose }: { token: ApiToken | null; onClose: () => void }) {
  const { t } = useTranslation();
  const revoke = useRevokeApiToken();
  return (
    <Modal
      opened={token !== null}
      onClose={onClose}
      title={t('tokens.revokeTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      {token ? (
        <Stack>
          <Text>{t('tokens.revokeConfirm', { name: token.name, prefix: token.prefix })}</Text>
          <ErrorAlert error={revoke.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              color="red.9"
              loading={revoke.isPending}
              onClick={() => revoke.mutate(token.id, { onSuccess: onClose })}
            >
              {t('tokens.revokeAction')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
