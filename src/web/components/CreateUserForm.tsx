import {
  Alert,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  PasswordInput,
  SimpleGrid,
  Stack,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { roleSchema, type User } from '../../core/accounts/account.schema';
import { useCreateUser } from '../api/accounts';
import { ApiError, fieldErrors } from '../api/client';
import type { Role } from '../api/session';
import { PasswordRules } from './PasswordRules';
import { useNationNames } from './use-nation-names';

const isRole = (value: string): value is Role => roleSchema.safeParse(value).success;

/** An admin creates an account for a person of a nation, with roles and a first password. */
export function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const { t } = useTranslation();
  const create = useCreateUser();
  const { nations, nameOf } = useNationNames();
  const [username, setUsername] = useState('');
  const [displayName, setDisplayName] = useState('');
  const [email, setEmail] = useState('');
  const [nation, setNation] = useState('');
  const [roles, setRoles] = useState<Role[]>([]);
  const [password, setPassword] = useState('');
  const errors = fieldErrors(create.error);
  const other =
    create.error && Object.keys(errors).length === 0
      ? create.error instanceof ApiError
        ? create.error.body.message
        : t('errors.unexpected')
      : null;

  const options = [...nations]
    .map((n) => ({ value: n.code, label: `${nameOf(n.code)} (${n.code})` }))
    .sort((a, b) => a.label.localeCompare(b.label));

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate(
      {
        username,
        displayName,
        email: email.trim() === '' ? undefined : email.trim(),
        nation,
        roles,
        password,
      },
      {
        onSuccess: (user) => {
          setUsername('');
          setDisplayName('');
          setEmail('');
          setRoles([]);
          setPassword('');
          onCreated(user);
        },
      },
    );
  };

  return (
    <form onSubmit={submit} noValidate aria-label={t('users.createTitle')}>
      <Stack>
        {other ? (
          <Alert color="red" role="alert">
            {other}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label={t('users.username')}
            description={t('users.usernameHint')}
            required
            autoComplete="off"
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={errors.username}
          />
          <TextInput
            label={t('users.displayName')}
            required
            value={displayName}
            onChange={(event) => setDisplayName(event.currentTarget.value)}
            error={errors.displayName}
          />
          <TextInput
            label={t('users.email')}
            type="email"
            value={email}
            onChange={(event) => setEmail(event.currentTarget.value)}
            error={errors.email}
          />
          <NativeSelect
            label={t('users.nation')}
            required
            value={nation}
            onChange={(event) => setNation(event.currentTarget.value)}
            error={errors.nation}
            data={[{ value: '', label: t('users.chooseNation') }, ...options]}
          />
        </SimpleGrid>
        <Checkbox.Group
          label={t('users.roles')}
          description={t('users.rolesHint')}
          required
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
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <PasswordInput
            label={t('users.password')}
            description={t('users.passwordHint')}
            required
            autoComplete="new-password"
            aria-describedby="new-user-password-rules"
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <PasswordRules id="new-user-password-rules" />
        </SimpleGrid>
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t('users.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
