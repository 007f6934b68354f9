import type { Status } from '../contributions/types';

export type StatusTone = 'new' | 'review' | 'yes' | 'no' | 'later' | 'merged';

/** The colour family of a status: yes (accepted, in development, delivered), no, later, under review, new, merged. */
export function toneOf(status: Status): StatusTone {
  switch (status) {
    case 'accepted':
    case 'in_development':
    case 'delivered':
      return 'yes';
    case 'declined':
      return 'no';
    case 'not_now':
      return 'later';
    case 'under_review':
      return 'review';
    case 'merged':
      return 'merged';
    default:
      return 'new';
  }
}
