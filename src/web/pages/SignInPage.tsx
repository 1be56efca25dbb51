import {
  Alert,
  Button,
  Divider,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError, fieldErrors } from '../api/client';
import { useAuthConfig, useSession, useSignIn } from '../api/session';
import { PageTitle } from '../components/PageTitle';

/** Only a path of this site: an absolute or protocol-relative `next` would be an open redirect. */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/sign-in')) {
    return '/';
  }
  return next;
}

export function SignInPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const navigate = useNavigate();
  const session = useSession();
  const config = useAuthConfig();
  const signIn = useSignIn();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState<{ username?: boolean; password?: boolean }>({});

  if (session.data && !signIn.isSuccess) return <Navigate to={next} replace />;

  const errors = fieldErrors(signIn.error);
  const error = signIn.error;
  const message =
    error instanceof ApiError && (error.status === 401 || error.status === 429)
      ? error.body.message
      : error && !(error instanceof ApiError && error.status === 400)
        ? t('errors.unexpected')
        : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blank = { username: username.trim() === '', password: password === '' };
    setMissing(blank);
    if (blank.username || blank.password) return;
    signIn.mutate(
      { username, password },
      { onSuccess: () => void navigate(next, { replace: true }) },
    );
  };

  return (
    <Stack maw={440} mx="auto" w="100%">
      <PageTitle text={t('auth.signInTitle')} />
      <Paper withBorder p="lg" component="form" onSubmit={submit} noValidate>
        <Stack>
          <Text size="sm" c="dimmed">
            {t('auth.signInIntro')}
          </Text>
          {message ? (
            <Alert color="red" role="alert">
              {message}
            </Alert>
          ) : null}
          <TextInput
            label={t('auth.username')}
            name="username"
            autoComplete="username"
            required
            value={username}
            onChange={(event) => setUsername(event.currentTarget.value)}
            error={missing.username ? t('forms.required') : errors.username}
          />
          <PasswordInput
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.currentTarget.value)}
            error={missing.password ? t('forms.required') : errors.password}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showPassword') }}
          />
          <Button type="submit" loading={signIn.isPending}>
            {t('auth.signIn')}
          </Button>
          {config.data?.oidc ? (
            <>
              <Divider label={t('auth.or')} labelPosition="center" />
              <Button
                component="a"
                variant="default"
                href={`/api/v1/auth/oidc/start?next=${encodeURIComponent(next)}`}
              >
                {t('auth.signInWithMinistry')}
              </Button>
            </>
          ) : null}
        </Stack>
      </Paper>
    </Stack>
  );
}
