/** The contribution pages, loaded together when the first of them is visited (see app/routes.tsx). */
export { ComposePage } from './ComposePage';
export { ContributionPage } from './ContributionPage';
export { FeedPage } from './FeedPage';
export { ModerationPage } from './ModerationPage';
