import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useAcceptTerms, useTermsVersions } from './api';
import { PlainChanges } from './PlainChanges';
import { PlainTerms, shortHash } from './PlainTerms';
import type { Initiative, TermsVersion } from './types';

interface Props {
  initiative: Initiative;
  terms: TermsVersion;
  /** The version this person accepted before, if any: the dialog then leads with what changed since. */
  acceptedVersion: number | null;
  open: boolean;
  onClose: () => void;
}

/** What a person meets before their first contribution: the sealed terms in plain words, and Accept. */
export function AcceptTermsDialog({ initiative, terms, acceptedVersion, open, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const accept = useAcceptTerms(initiative.id);
  const amended = acceptedVersion !== null && acceptedVersion < terms.version;
  const versions = useTermsVersions(initiative.id, open && amended);
  const before = versions.data?.items.find((v) => v.version === acceptedVersion);
  const close = () => {
    accept.reset();
    onClose();
  };
  const outdated = errorCode(accept.error) === 'terms_outdated';
  return (
    <Dialog
      open={open}
      onClose={close}
      title={t('initiatives.acceptDialog.title', { title: initiative.title })}
      description={t('initiatives.acceptDialog.description', { version: terms.version, hash: shortHash(terms.hash) })}
    >
      {accept.error ? <Alert tone="error">{outdated ? t('initiatives.acceptDialog.outdated') : errorMessage(t, accept.error)}</Alert> : null}
      {/* The terms scroll on their own, so the title, version and buttons stay in view. */}
      <div className="accept-terms-scroll" tabIndex={0} role="region" aria-label={t('initiatives.agree.title')}>
        {amended && before && (
          <>
            <h3>{t('initiatives.acceptDialog.changed', { version: before.version })}</h3>
            {versions.data?.items[0]?.reason && <p>{t('initiatives.acceptDialog.reason', { reason: versions.data.items[0].reason })}</p>}
            <PlainChanges before={before.terms} after={terms.terms} orgName={initiative.org.name} />
            <h3>{t('initiatives.acceptDialog.whole', { version: terms.version })}</h3>
          </>
        )}
        <PlainTerms terms={terms.terms} orgName={initiative.org.name} />
      </div>
      <div className="form-actions">
        <Button variant="secondary" onClick={close}>
          {t('common.cancel')}
        </Button>
        <Button
          loading={accept.isPending}
          disabled={outdated}
          onClick={() =>
            accept.mutate(terms.version, {
              onSuccess: () => {
                toast.show(t('initiatives.acceptDialog.done'));
                close();
              },
            })
          }
        >
          {t('initiatives.acceptDialog.submit')}
        </Button>
      </div>
    </Dialog>
  );
}
