import { Avatar, Button, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useSession, useSignOut } from '../api/session';
import { nationName } from '../i18n/format';
import { useLocale } from './use-locale';

const initials = (name: string) =>
  name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');

/** The header's account corner: who is signed in, with the account menu, or a "Sign in" link. */
export function UserMenu() {
  const { t } = useTranslation();
  const locale = useLocale();
  const session = useSession();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();

  if (session.isPending) return null;
  const info = session.data;
  if (!info) {
    if (location.pathname === '/sign-in') return null;
    const next = `${location.pathname}${location.search}`;
    return (
      <Button component={Link} to={`/sign-in?next=${encodeURIComponent(next)}`} variant="filled">
        {t('auth.signIn')}
      </Button>
    );
  }
  const { user } = info;
  const roles = user.roles.map((r) => t(`roles.${r}`)).join(', ');
  return (
    <Menu position="bottom-end" width={260} withinPortal>
      <Menu.Target>
        <UnstyledButton
          aria-label={t('auth.accountMenu', { name: user.displayName })}
          data-testid="user-menu"
        >
          <Group gap="xs" wrap="nowrap">
            <Avatar color="blue.8" variant="filled" radius="xl" size="md" aria-hidden>
              {initials(user.displayName)}
            </Avatar>
            <div>
              <Text size="sm" fw={600} lh={1.2}>
                {user.displayName}
              </Text>
              <Text size="xs" c="dimmed" lh={1.2} visibleFrom="sm">
                {nationName(user.nation, locale)} · {roles}
              </Text>
            </div>
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>
          {user.username} · {user.nation.code}
        </Menu.Label>
        <Menu.Item component={Link} to="/account">
          {t('nav.account')}
        </Menu.Item>
        <Menu.Divider />
        <Menu.Item
          color="red.9"
          onClick={() => {
            // Leave first: a page for signed-in users would otherwise send the visitor to sign in.
            void navigate('/', { replace: true });
            signOut.mutate(false);
          }}
        >
          {t('auth.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
