import { createBrowserRouter } from 'react-router';
import { AccountPage } from '../features/account/AccountPage';
import { ActivityPage } from '../features/activity/ActivityPage';
import { LandingPage } from '../features/auth/LandingPage';
import { LoginPage } from '../features/auth/LoginPage';
import { SignupPage } from '../features/auth/SignupPage';
import { AcceptInvitationPage } from '../features/invitations/AcceptInvitationPage';
import { CreateOrgPage } from '../features/orgs/CreateOrgPage';
import { MyOrgsPage } from '../features/orgs/MyOrgsPage';
import { OrgLayout } from '../features/orgs/OrgLayout';
import { OrgPeoplePage } from '../features/orgs/OrgPeoplePage';
import { OrgSettingsPage } from '../features/orgs/OrgSettingsPage';
import { AppShell } from './AppShell';
import { GuestOnly, RequireAuth } from './guards';
import { NotFoundPage } from './NotFoundPage';

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
        ],
      },
      {
        path: 'orgs/:slug',
        element: <OrgLayout />,
        children: [
          { index: true, element: <OrgPeoplePage /> },
          { path: 'activity', element: <ActivityPage /> },
          { path: 'settings', element: <OrgSettingsPage /> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
