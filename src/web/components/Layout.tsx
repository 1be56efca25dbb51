import { AppShell, Burger, Group, NavLink, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { DEFAULT_GROUP } from '../api/queries';
import { hasRole, useSession } from '../api/session';
import { LanguageSwitcher } from './LanguageSwitcher';
import { UserMenu } from './UserMenu';

interface Area {
  to: string;
  key: string;
  end: boolean;
}

const areas: readonly Area[] = [
  { to: '/', key: 'nav.group', end: true },
  { to: '/meetings', key: 'nav.meetings', end: false },
  { to: `/groups/${DEFAULT_GROUP}/action-items`, key: 'actionItems.nav', end: false },
  { to: '/chair', key: 'chair.nav', end: false },
  { to: '/initiatives', key: 'initiatives.nav', end: false },
  { to: '/nations', key: 'nav.nations', end: false },
  { to: '/events', key: 'nav.events', end: false },
  { to: '/documents', key: 'nav.documents', end: false },
  { to: '/requirements', key: 'ledger.nav.requirements', end: false },
  { to: '/pledges', key: 'ledger.nav.pledges', end: false },
  { to: '/coverage', key: 'ledger.nav.coverage', end: false },
  { to: '/spending', key: 'spending.nav.spending', end: false },
];
const signedInAreas: readonly Area[] = [{ to: '/account', key: 'nav.account', end: false }];
const adminAreas: readonly Area[] = [
  { to: '/admin/users', key: 'nav.users', end: false },
  { to: '/admin/audit', key: 'nav.audit', end: false },
];

/** The frame of every page: header, navigation of the areas that exist, and the main landmark. */
export function Layout() {
  const { t } = useTranslation();
  const [opened, { toggle, close }] = useDisclosure(false);
  const location = useLocation();
  // Below the "sm" breakpoint the navbar slides off-screen when folded; hide it from keyboard and
  // screen readers too, or focus would land on links nobody can see.
  const phone = useMediaQuery('(max-width: 48em)') ?? false;
  const session = useSession();
  const signedIn = Boolean(session.data);
  const admin = hasRole(session.data, 'admin');

  const link = (area: Area) => (
    <NavLink
      key={area.to}
      component={RouterNavLink}
      to={area.to}
      end={area.end}
      label={t(area.key)}
      active={
        area.end
          ? // The group's own page, not its sub-pages (action items) that have their own link.
            location.pathname === '/' || /^\/groups\/[^/]+\/?$/.test(location.pathname)
          : location.pathname.startsWith(area.to)
      }
      variant="filled"
    />
  );

  // Close the mobile menu after navigating.
  useEffect(close, [location.pathname, close]);

  return (
    <AppShell
      header={{ height: 64 }}
      navbar={{ width: 230, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding="lg"
    >
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={t('nav.toggle')}
            />
            <UnstyledButton component={Link} to="/" aria-label={t('app.homeLink')}>
              <Group gap={10} wrap="nowrap">
                <Title order={2} size="h3" c="blue.9" component="span">
                  {t('app.name')}
                </Title>
                <Text size="sm" c="gray.7" visibleFrom="md" component="span">
                  {t('app.tagline')}
                </Text>
              </Group>
            </UnstyledButton>
          </Group>
          <Group gap="md" wrap="nowrap">
            <LanguageSwitcher />
            <UserMenu />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar
        p="sm"
        aria-label={t('nav.label')}
        style={phone && !opened ? { visibility: 'hidden' } : undefined}
      >
        {areas.map(link)}
        {signedIn ? signedInAreas.map(link) : null}
        {admin ? (
          <>
            <Text
              size="xs"
              fw={700}
              c="dimmed"
              tt="uppercase"
              mt="md"
              mb={4}
              px="sm"
              component="h2"
            >
              {t('nav.admin')}
            </Text>
            {adminAreas.map(link)}
          </>
        ) : null}
        <NavLink
          href="/api/docs"
          label={t('nav.apiDocs')}
          description={t('nav.apiDocsHint')}
          mt="md"
        />
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
