import { useTranslation } from 'react-i18next';
import { isStatus } from '../contributions/types';
import { useDuration } from '../responses/duration';
import type { Notification, NotificationType } from './api';

/** i18n keys cannot hold dots: `contribution.responded` → `contribution_responded`. */
export const keyOf = (type: NotificationType) => type.replace('.', '_') as KeyOf<NotificationType>;
type KeyOf<T extends string> = T extends `${infer A}.${infer B}` ? `${A}_${B}` : T;

/** One sentence for a notification: who did what to what, in the reader's language. */
export function useDescribe() {
  const { t } = useTranslation();
  const duration = useDuration();
  return (n: Notification): string => {
    const d = n.data;
    const status = d.status !== undefined && isStatus(d.status) ? t(`contributions.status.${d.status}`) : '';
    return t(`notifications.types.${keyOf(n.type)}`, {
      actor: n.actor?.name ?? t('notifications.someone'),
      // Hidden by the hosts since it was written: the server left its title out (withheld.ts).
      title: d.withheld === true && d.title === '' ? t('notifications.withheldTitle') : d.title,
      initiative: d.initiativeTitle,
      status,
      version: d.version ?? '',
      supports: d.supportCount ?? 0,
      waited: duration(d.waitingHours ?? 0),
      target: duration(d.targetHours ?? 0),
    });
  };
}
