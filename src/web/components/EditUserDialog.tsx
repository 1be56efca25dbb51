import { Alert, Button, Checkbox, Group, Modal, Stack, Switch, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema, type User } from '../../core/accounts/account.schema';
import { useUpdateUser } from '../api/accounts';
import { ApiError, fieldErrors } from '../api/client';
import type { Role } from '../api/session';

const isRole = (value: string): value is Role => roleSchema.safeParse(value).success;

/** Edits name, roles and whether the account is disabled; a stale version is refused (409). */
export function EditUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation();
  const update = useUpdateUser();
  const [displayName, setDisplayName] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [disabled, setDisabled] = useState(false);
  const { reset } = update;

  // Load the form from the user each time a version arrives (on opening, and after a 409 reload).
  useEffect(() => {
    if (!user) return;
    setDisplayName(user.displayName);
    setRoles(user.roles);
    setDisabled(user.disabled);
  }, [user]);

  useEffect(() => {
    if (!user) reset();
  }, [user, reset]);

  const errors = fieldErrors(update.error);
  const conflict = update.error instanceof ApiError && update.error.status === 409;

  return (
    <Modal
      opened={user !== null}
      onClose={onClose}
      title={user ? t('users.editTitle', { username: user.username }) : ''}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
      size="lg"
    >
      {user ? (
        <Stack>
          {conflict ? (
            <Alert color="red" role="alert" title={t('users.conflictTitle')}>
              {t('users.conflict')}
            </Alert>
          ) : update.error && Object.keys(errors).length === 0 ? (
            <Alert color="red" role="alert">
              {update.error instanceof ApiError
                ? update.error.body.message
                : t('errors.unexpected')}
            </Alert>
          ) : null}
          <TextInput
            label={t('users.displayName')}
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={errors.displayName}
          />
          <Checkbox.Group
            label={t('users.roles')}
            value={roles}
            onChange={(value) => setRoles(value.filter(isRole))}
            error={errors.roles}
          >
            <Group gap="lg" mt={8}>
              {roleSchema.options.map((role) => (
                <Checkbox key={role} value={role} label={t(`roles.${role}`)} />
              ))}
            </Group>
          </Checkbox.Group>
          <Switch
            label={t('users.disabledLabel')}
            description={t('users.disabledHint')}
            checked={disabled}
            onChange={(event) => setDisabled(event.currentTarget.checked)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common.cancel')}
            </Button>
            <Button
              loading={update.isPending}
              onClick={() =>
                update.mutate(
                  { id: user.id, version: user.version, displayName, roles, disabled },
                  { onSuccess: onClose },
                )
              }
            >
              {t('common.save')}
            </Button>
          </Group>
        </Stack>
      ) : null}
    </Modal>
  );
}
