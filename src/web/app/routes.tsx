import { lazy, Suspense, type ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Loading } from '../components/Loading';
import { AccountPage } from '../features/account/AccountPage';
import { ActivityPage } from '../features/activity/ActivityPage';
import { LandingPage } from '../features/auth/LandingPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { AcceptInvitationPage } from '../features/invitations/AcceptInvitationPage';
import { InitiativePage } from '../features/initiatives/InitiativePage';
import { OrgInitiativesPage } from '../features/initiatives/OrgInitiativesPage';
import { TermsPage } from '../features/initiatives/TermsPage';
import { WizardPage } from '../features/initiatives/wizard/WizardPage';
import { CreateOrgPage } from '../features/orgs/CreateOrgPage';
import { MyOrgsPage } from '../features/orgs/MyOrgsPage';
import { OrgLayout } from '../features/orgs/OrgLayout';
import { OrgPeoplePage } from '../features/orgs/OrgPeoplePage';
import { OrgSettingsPage } from '../features/orgs/OrgSettingsPage';
import { AppShell } from './AppShell';
import { GuestOnly, RequireAuth } from './guards';
import { NotFoundPage } from './NotFoundPage';

/** A page fetched when first visited, so the first load stays small. */
function later(load: () => Promise<ComponentType>) {
  const Page = lazy(async () => ({ default: await load() }));
  return (
    <Suspense fallback={<Loading />}>
      <Page />
    </Suspense>
  );
}

const contributions = () => import('../features/contributions/pages');
const loop = () => import('../features/responses/pages');

export const router = createBrowserRouter([
  {
    element: <AppShell />,
    children: [
      { index: true, element: <GuestOnly><LandingPage /></GuestOnly> },
      { path: 'login', element: <GuestOnly><LoginPage /></GuestOnly> },
      { path: 'signup', element: <GuestOnly><SignupPage /></GuestOnly> },
      { path: 'invitations/:token', element: <AcceptInvitationPage /> },
      {
        element: <RequireAuth />,
        children: [
          { path: 'orgs', element: <MyOrgsPage /> },
          { path: 'orgs/new', element: <CreateOrgPage /> },
          { path: 'account', element: <AccountPage /> },
          { path: 'notifications', element: later(() => import('../features/notifications/InboxPage').then((m) => m.InboxPage)) },
        ],
      },
      {
        path: 'orgs/:slug',
        element: <OrgLayout />,
        children: [
          { index: true, element: <OrgInitiativesPage /> },
          { path: 'people', element: <OrgPeoplePage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'settings', element: <OrgSettingsPage /> },
          { path: 'settings/webhooks/:id', element: later(() => import('../features/webhooks/WebhookPage').then((m) => m.WebhookPage)) },
        ],
      },
      { path: 'initiatives/:id', element: <InitiativePage /> },
      { path: 'initiatives/:id/terms', element: <TermsPage /> },
      { path: 'initiatives/:id/contributions', element: later(() => contributions().then((m) => m.FeedPage)) },
      { path: 'contributions/:id', element: later(() => contributions().then((m) => m.ContributionPage)) },
      { path: 'initiatives/:id/updates', element: later(() => loop().then((m) => m.UpdatesPage)) },
      { path: 'initiatives/:id/accountability', element: later(() => loop().then((m) => m.AccountabilityPage)) },
      {
        element: <RequireAuth />,
        children: [
          { path: 'initiatives/:id/contribute', element: later(() => contributions().then((m) => m.ComposePage)) },
          { path: 'initiatives/:id/moderation', element: later(() => contributions().then((m) => m.ModerationPage)) },
          { path: 'initiatives/:id/unanswered', element: later(() => loop().then((m) => m.UnansweredPage)) },
          { path: 'orgs/:slug/initiatives/new', element: <WizardPage /> },
          { path: 'orgs/:slug/initiatives/:id/edit', element: <WizardPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
