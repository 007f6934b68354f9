/** The pages of the response loop, loaded together when the first of them is visited (see app/routes.tsx). */
export { AccountabilityPage } from './AccountabilityPage';
export { UnansweredPage } from './UnansweredPage';
export { UpdatesPage } from './UpdatesPage';
