import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Dialog } from '../../components/Dialog';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useAcceptTerms } from './api';
import { PlainTerms, shortHash } from './PlainTerms';
import type { Initiative, TermsVersion } from './types';

interface Props {
  initiative: Initiative;
  terms: TermsVersion;
  open: boolean;
  onClose: () => void;
}

/** What a person meets before their first contribution: the sealed terms in plain words, and Accept. */
export function AcceptTermsDialog({ initiative, terms, open, onClose }: Props) {
  const { t } = useTranslation();
  const toast = useToast();
  const accept = useAcceptTerms(initiative.id);
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
