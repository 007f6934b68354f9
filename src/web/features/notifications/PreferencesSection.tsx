import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'react-router';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import { MODES, usePreferences, useSavePreference, type MailMode, type Preference } from './api';
import { keyOf } from './describe';
import './notifications.css';

/** In the account page: for each kind of notification, how e-mail brings it — at once, in a daily or weekly digest, or not at all. */
export function PreferencesSection() {
  const { t } = useTranslation();
  const prefs = usePreferences();
  const { hash } = useLocation();
  const loaded = prefs.isSuccess;
  // The inbox and the e-mails link here.
  useEffect(() => {
    if (loaded && hash === '#notification-settings') document.getElementById('notification-settings-title')?.scrollIntoView({ block: 'start' });
  }, [loaded, hash]);
  return (
    <Section id="notification-settings" title={t('notifications.prefs.title')}>
      <p className="muted section-lead">{t('notifications.prefs.lead')}</p>
      {prefs.isPending ? (
        <Loading />
      ) : prefs.isError ? (
        <LoadError message={errorMessage(t, prefs.error)} onRetry={() => void prefs.refetch()} />
      ) : (
        <div className="card">
          <ul className="prefs-list">
            {prefs.data.preferences.map((p) => (
              <PreferenceRow key={p.type} p={p} />
            ))}
          </ul>
        </div>
      )}
    </Section>
  );
}

function PreferenceRow({ p }: { p: Preference }) {
  const { t } = useTranslation();
  const toast = useToast();
  const save = useSavePreference();
  const what = t(`notifications.prefs.types.${keyOf(p.type)}`);
  const mode = (m: MailMode) => t(`notifications.prefs.modes.${m}`);
  return (
    <li className="prefs-item">
      <div>
        <p className="prefs-what">{what}</p>
        {p.mode !== p.default && <p className="prefs-default">{t('notifications.prefs.default', { mode: mode(p.default) })}</p>}
      </div>
      <Select
        hideLabel
        label={t('notifications.prefs.modeFor', { what })}
        value={p.mode}
        disabled={save.isPending}
        options={MODES.map((m) => ({ value: m, label: mode(m) }))}
        onChange={(next) =>
          save.mutate(
            { type: p.type, mode: next },
            {
              onSuccess: () => toast.show(t('notifications.prefs.saved', { what, mode: mode(next).toLowerCase() })),
              onError: (error) => toast.show(errorMessage(t, error), 'error'),
            },
          )
        }
      />
    </li>
  );
}
