import { Alert, Button, Paper, PasswordInput, Stack, Title } from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useChangePassword } from '../api/accounts';
import { ApiError, fieldErrors } from '../api/client';
import { PasswordRules } from './PasswordRules';

export function ChangePasswordForm() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [mismatch, setMismatch] = useState(false);
  const errors = fieldErrors(change.error);
  const other =
    change.error && Object.keys(errors).length === 0
      ? change.error instanceof ApiError
        ? change.error.body.message
        : t('errors.unexpected')
      : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const differ = next !== confirm;
    setMismatch(differ);
    if (differ) return;
    change.mutate(
      { currentPassword: current, newPassword: next },
      {
        onSuccess: () => {
          setCurrent('');
          setNext('');
          setConfirm('');
        },
      },
    );
  };

  return (
    <Paper withBorder p="lg" component="section" aria-labelledby="password-heading">
      <Title order={2} size="h3" id="password-heading" mb="sm">
        {t('account.passwordTitle')}
      </Title>
      <form onSubmit={submit} noValidate>
        <Stack maw={480}>
          <PasswordRules id="password-rules" />
          {change.isSuccess ? (
            <Alert color="green" role="status" title={t('account.passwordChanged')}>
              {t('account.passwordChangedHint')}
            </Alert>
          ) : null}
          {other ? (
            <Alert color="red" role="alert">
              {other}
            </Alert>
          ) : null}
          <PasswordInput
            label={t('account.currentPassword')}
            autoComplete="current-password"
            required
            value={current}
            onChange={(event) => setCurrent(event.currentTarget.value)}
            error={errors.currentPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <PasswordInput
            label={t('account.newPassword')}
            autoComplete="new-password"
            required
            aria-describedby="password-rules"
            value={next}
            onChange={(event) => setNext(event.currentTarget.value)}
            error={errors.newPassword}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <PasswordInput
            label={t('account.confirmPassword')}
            autoComplete="new-password"
            required
            value={confirm}
            onChange={(event) => setConfirm(event.currentTarget.value)}
            error={mismatch ? t('account.passwordMismatch') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Button type="submit" loading={change.isPending} style={{ alignSelf: 'flex-start' }}>
            {t('account.changePassword')}
          </Button>
        </Stack>
      </form>
    </Paper>
  );
}
