import { type CSSVariablesResolver, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, onUnauthorized } from './api/client';
import { SESSION_KEY } from './api/session';
import { Layout } from './components/Layout';
import { NotFound } from './components/NotFound';
import { AccountPage } from './pages/AccountPage';
import { ActionItemsPage } from './pages/ActionItemsPage';
import { AdminAuditPage } from './pages/AdminAuditPage';
import { AdminUsersPage } from './pages/AdminUsersPage';
import { ChairPage } from './pages/ChairPage';
import { EditDocumentPage, NewDocumentPage } from './pages/DocumentFormPage';
import { DocumentPage } from './pages/DocumentPage';
import { DocumentsPage } from './pages/DocumentsPage';
import { EventPage } from './pages/EventPage';
import { EventsPage } from './pages/EventsPage';
import { GroupPage } from './pages/GroupPage';
import { LiveBoardPage } from './pages/LiveBoardPage';
import { LiveBoardProjectorPage } from './pages/LiveBoardProjectorPage';
import { EditMeetingPage, NewMeetingPage } from './pages/MeetingFormPage';
import { MeetingPage } from './pages/MeetingPage';
import { MeetingsPage } from './pages/MeetingsPage';
import { NationPage } from './pages/NationPage';
import { NationsPage } from './pages/NationsPage';
import { ImportPage } from './pages/ImportPage';
import { InitiativePage } from './pages/InitiativePage';
import { EditInitiativePage, NewInitiativePage } from './pages/InitiativeFormPage';
import { InitiativesPage } from './pages/InitiativesPage';
import { EditPledgePage, NewPledgePage } from './pages/PledgeFormPage';
import { PledgePage } from './pages/PledgePage';
import { PledgesPage } from './pages/PledgesPage';
import { EditRequirementPage, NewRequirementPage } from './pages/RequirementFormPage';
import { RequirementPage } from './pages/RequirementPage';
import { RequirementsPage } from './pages/RequirementsPage';
import { SignInPage } from './pages/SignInPage';
import { SpendingLeaguePage } from './pages/spending/SpendingLeaguePage';
import { SpendingTargetPage } from './pages/spending/SpendingTargetPage';
import { theme } from './theme';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 60_000,
      // A 4xx will not change on retry; only transient failures are worth another try.
      retry: (count, error) => !(error instanceof ApiError && error.status < 500) && count < 2,
    },
  },
});

// A 401 anywhere means the session is gone (expired, signed out elsewhere): ask again who we are.
onUnauthorized(() => void queryClient.invalidateQueries({ queryKey: SESSION_KEY }));

// Mantine's "dimmed" grey is too light on white for small text; use a darker one.
const cssVariablesResolver: CSSVariablesResolver = (theme) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': theme.colors.gray[7],
    // The default error red (shade 6) is below AA on white for the small text under a field.
    '--mantine-color-error': theme.colors.red[9],
  },
  dark: {},
});

function PageNotFound() {
  const { t } = useTranslation();
  return <NotFound title={t('errors.pageNotFoundTitle')} message={t('errors.pageNotFound')} />;
}

const router = createBrowserRouter([
  // The projector view fills the screen in the room: no header, no navigation.
  { path: 'meetings/:number/board/projector', element: <LiveBoardProjectorPage /> },
  {
    element: <Layout />,
    children: [
      { index: true, element: <GroupPage /> },
      { path: 'groups/:slug', element: <GroupPage /> },
      { path: 'groups/:slug/action-items', element: <ActionItemsPage /> },
      { path: 'meetings', element: <MeetingsPage /> },
      { path: 'meetings/new', element: <NewMeetingPage /> },
      { path: 'meetings/:number/edit', element: <EditMeetingPage /> },
      { path: 'meetings/:number', element: <MeetingPage /> },
      { path: 'meetings/:number/board', element: <LiveBoardPage /> },
      { path: 'chair', element: <ChairPage /> },
      { path: 'initiatives', element: <InitiativesPage /> },
      { path: 'initiatives/new', element: <NewInitiativePage /> },
      { path: 'initiatives/:id', element: <InitiativePage /> },
      { path: 'initiatives/:id/edit', element: <EditInitiativePage /> },
      { path: 'nations', element: <NationsPage /> },
      { path: 'nations/:code', element: <NationPage /> },
      { path: 'events', element: <EventsPage /> },
      { path: 'events/:id', element: <EventPage /> },
      { path: 'documents', element: <DocumentsPage /> },
      { path: 'documents/new', element: <NewDocumentPage /> },
      { path: 'documents/:id', element: <DocumentPage /> },
      { path: 'documents/:id/edit', element: <EditDocumentPage /> },
      { path: 'requirements', element: <RequirementsPage /> },
      { path: 'requirements/new', element: <NewRequirementPage /> },
      { path: 'requirements/:id', element: <RequirementPage /> },
      { path: 'requirements/:id/edit', element: <EditRequirementPage /> },
      { path: 'pledges', element: <PledgesPage /> },
      { path: 'pledges/new', element: <NewPledgePage /> },
      { path: 'pledges/:id', element: <PledgePage /> },
      { path: 'pledges/:id/edit', element: <EditPledgePage /> },
      { path: 'imports', element: <ImportPage /> },
      // The charts (ECharts) load only with the pages that draw them.
      { path: 'coverage', lazy: () => import('./pages/ledger-lazy').then((m) => m.coverageRoute) },
      {
        path: 'coverage/requirements',
        lazy: () => import('./pages/ledger-lazy').then((m) => m.requirementCoverageRoute),
      },
      {
        path: 'coverage/coalitions',
        lazy: () => import('./pages/ledger-lazy').then((m) => m.coalitionsRoute),
      },
      {
        path: 'coverage/coalitions/:id',
        lazy: () => import('./pages/ledger-lazy').then((m) => m.coalitionRoute),
      },
      { path: 'spending', element: <SpendingLeaguePage /> },
      { path: 'spending/targets/:id', element: <SpendingTargetPage /> },
      {
        path: 'spending/nations/:code',
        lazy: () => import('./pages/spending-lazy').then((m) => m.spendingNationRoute),
      },
      {
        path: 'spending/projection',
        lazy: () => import('./pages/spending-lazy').then((m) => m.spendingProjectionRoute),
      },
      {
        path: 'spending/burden-sharing',
        lazy: () => import('./pages/spending-lazy').then((m) => m.burdenSharingRoute),
      },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      { path: 'admin/audit', element: <AdminAuditPage /> },
      { path: '*', element: <PageNotFound /> },
    ],
  },
]);

export function App() {
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="light"
      cssVariablesResolver={cssVariablesResolver}
    >
      <QueryClientProvider client={queryClient}>
        <RouterProvider router={router} />
      </QueryClientProvider>
    </MantineProvider>
  );
}
