import { useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea } from '../../components/Field';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader, Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { InitiativeNotFound } from './NotFound';
import { useAmendTerms, useInitiative, useTerms, useTermsVersions } from './api';
import { TermsEditor } from './TermsEditor';
import { cleanTerms, pathErrorsOf } from './terms-form';
import { TermsHistory } from './TermsHistory';
import type { Initiative, Terms } from './types';
import './initiatives.css';

function AmendForm({ initiative, current, version }: { initiative: Initiative; current: Terms; version: number }) {
  const { t } = useTranslation();
  const toast = useToast();
  const amend = useAmendTerms(initiative.id);
  const [open, setOpen] = useState(false);
  const [terms, setTerms] = useState<Terms>(current);
  const [reason, setReason] = useState('');
  const errors = pathErrorsOf(t, amend.error, '/terms');
  const reasonError = pathErrorsOf(t, amend.error)['/reason'];
  if (!open) {
    return <Button onClick={() => setOpen(true)}>{t('terms.page.amend')}</Button>;
  }
  const submit = (e: FormEvent) => {
    e.preventDefault();
    amend.mutate(
      { terms: cleanTerms(terms), reason },
      {
        onSuccess: () => {
          toast.show(t('terms.page.amended', { version: version + 1 }));
          setOpen(false);
          setReason('');
        },
      },
    );
  };
  return (
    <Section id="amend" title={t('terms.page.amend')}>
      <p className="muted">{t('terms.page.amendLead')}</p>
      <form onSubmit={submit} noValidate className="card">
        {amend.error ? <Alert tone="error">{errorMessage(t, amend.error)}</Alert> : null}
        <TextArea label={t('terms.page.reason_')} hint={t('terms.page.reasonHint')} rows={2} value={reason} onChange={(e) => setReason(e.target.value)} error={reasonError} required />
        <TermsEditor terms={terms} onChange={setTerms} errors={errors} />
        <div className="form-actions">
          <Button variant="secondary" onClick={() => setOpen(false)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" loading={amend.isPending}>
            {t('terms.page.submitAmend')}
          </Button>
        </div>
      </form>
    </Section>
  );
}

/** Every sealed version of an initiative's terms, with what changed and for whom it is worse. */
export function TermsPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  const terms = useTerms(id);
  const versions = useTermsVersions(id);
  useDocumentTitle(initiative.data ? t('terms.page.title', { title: initiative.data.title }) : null);
  if (initiative.isPending || versions.isPending) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  if (versions.isError) return <LoadError message={errorMessage(t, versions.error)} onRetry={() => void versions.refetch()} />;
  const i = initiative.data;
  const current = terms.data?.current ?? null;
  return (
    <>
      <PageHeader
        eyebrow={<Link to={`/initiatives/${i.id}`}>{t('terms.page.back', { title: i.title })}</Link>}
        title={t('terms.page.title', { title: i.title })}
        lead={<p>{t('terms.page.lead')}</p>}
        actions={undefined}
      />
      {i.me.canEdit && i.status === 'open' && current && <AmendForm key={current.version} initiative={i} current={current.terms} version={current.version} />}
      {versions.data.items.length === 0 ? <p>{t('initiatives.agree.notSealed')}</p> : <TermsHistory items={versions.data.items} sealedBy={current?.sealedBy.name} orgName={i.org.name} />}
    </>
  );
}
