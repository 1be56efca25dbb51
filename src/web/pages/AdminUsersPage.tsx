import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { User } from '../../core/accounts/account.schema';
import { useUpdateUser, useUsers } from '../api/accounts';
import { ApiError } from '../api/client';
import { CreateUserForm } from '../components/CreateUserForm';
import { EditUserDialog } from '../components/EditUserDialog';
import { PageTitle } from '../components/PageTitle';
import { QueryState } from '../components/QueryState';
import { RequireAdmin } from '../components/RequireSession';
import { useLocale } from '../components/use-locale';
import { formatDateTime, nationName } from '../i18n/format';

export function AdminUsersPage() {
  return <RequireAdmin>{() => <Users />}</RequireAdmin>;
}

function UserState({ user }: { user: User }) {
  const { t } = useTranslation();
  const locale = useLocale();
  if (user.disabled) {
    return (
      <Badge color="gray.7" variant="filled" component="span" style={{ minWidth: 'max-content' }}>
        {t('users.state.disabled')}
      </Badge>
    );
  }
  if (user.lockedUntil && new Date(user.lockedUntil) > new Date()) {
    return (
      <Badge color="red.9" variant="filled" component="span" style={{ minWidth: 'max-content' }}>
        {t('users.state.locked', { until: formatDateTime(user.lockedUntil, locale) })}
      </Badge>
    );
  }
  return (
    <Badge color="#1b5e2f" variant="filled" component="span" style={{ minWidth: 'max-content' }}>
      {t('users.state.active')}
    </Badge>
  );
}

function Users() {
  const { t } = useTranslation();
  const locale = useLocale();
  const users = useUsers();
  const toggle = useUpdateUser();
  const [editingId, setEditingId] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // Always edit the latest version the list holds, so a reload after a 409 reaches the dialog.
  const editing = users.data?.items.find((u) => u.id === editingId) ?? null;
  const toggleConflict = toggle.error instanceof ApiError && toggle.error.status === 409;

  return (
    <Stack gap="lg">
      <PageTitle text={t('users.title')} />
      {notice ? (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('common.close')}
          onClose={() => setNotice(null)}
        >
          {notice}
        </Alert>
      ) : null}
      {toggleConflict ? (
        <Alert color="red" role="alert" title={t('users.conflictTitle')}>
          {t('users.conflict')}
        </Alert>
      ) : toggle.error ? (
        <Alert color="red" role="alert">
          {toggle.error instanceof ApiError ? toggle.error.body.message : t('errors.unexpected')}
        </Alert>
      ) : null}
      <QueryState query={users}>
        {({ items, total }) => (
          <Stack>
            <Text aria-live="polite" data-testid="users-total">
              {t('users.total', { count: total })}
            </Text>
            <Table.ScrollContainer minWidth={1000}>
              <Table striped highlightOnHover verticalSpacing="sm">
                <caption className="visually-hidden">{t('users.caption')}</caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">{t('users.username')}</Table.Th>
                    <Table.Th scope="col">{t('users.displayName')}</Table.Th>
                    <Table.Th scope="col">{t('users.nation')}</Table.Th>
                    <Table.Th scope="col">{t('users.roles')}</Table.Th>
                    <Table.Th scope="col">{t('users.stateLabel')}</Table.Th>
                    <Table.Th scope="col">{t('users.lastSignIn')}</Table.Th>
                    <Table.Th scope="col">{t('users.actions')}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {items.map((user) => (
                    <Table.Tr key={user.id} data-testid={`user-${user.username}`}>
                      <Table.Td fw={600}>{user.username}</Table.Td>
                      <Table.Td>{user.displayName}</Table.Td>
                      <Table.Td>
                        {nationName(user.nation, locale)} ({user.nation.code})
                      </Table.Td>
                      <Table.Td>{user.roles.map((r) => t(`roles.${r}`)).join(', ')}</Table.Td>
                      <Table.Td>
                        <UserState user={user} />
                      </Table.Td>
                      <Table.Td>
                        {user.lastSignInAt
                          ? formatDateTime(user.lastSignInAt, locale)
                          : t('users.neverSignedIn')}
                      </Table.Td>
                      <Table.Td>
                        <Group gap="xs" wrap="nowrap">
                          <Button
                            size="xs"
                            variant="default"
                            onClick={() => {
                              toggle.reset();
                              setEditingId(user.id);
                            }}
                            aria-label={t('users.editNamed', { username: user.username })}
                          >
                            {t('users.edit')}
                          </Button>
                          <Button
                            size="xs"
                            variant="outline"
                            color={user.disabled ? 'blue.9' : 'red.9'}
                            loading={toggle.isPending && toggle.variables.id === user.id}
                            aria-label={t(
                              user.disabled ? 'users.enableNamed' : 'users.disableNamed',
                              {
                                username: user.username,
                              },
                            )}
                            onClick={() =>
                              toggle.mutate(
                                { id: user.id, version: user.version, disabled: !user.disabled },
                                {
                                  onSuccess: (updated) =>
                                    setNotice(
                                      t(
                                        updated.disabled
                                          ? 'users.disabledDone'
                                          : 'users.enabledDone',
                                        {
                                          username: updated.username,
                                        },
                                      ),
                                    ),
                                },
                              )
                            }
                          >
                            {user.disabled ? t('users.enable') : t('users.disable')}
                          </Button>
                        </Group>
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          </Stack>
        )}
      </QueryState>
      <Paper withBorder p="lg" component="section" aria-labelledby="create-user-heading">
        <Title order={2} size="h3" id="create-user-heading" mb="sm">
          {t('users.createTitle')}
        </Title>
        <CreateUserForm
          onCreated={(user) => setNotice(t('users.created', { username: user.username }))}
        />
      </Paper>
      <EditUserDialog user={editing} onClose={() => setEditingId(null)} />
    </Stack>
  );
}
