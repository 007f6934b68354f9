import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { FormCard } from '../../components/FormCard';
import { useToast } from '../../components/Toast';
import { check, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { DeadJobsSection } from '../webhooks/DeadJobsSection';
import { WebhooksSection } from '../webhooks/WebhooksSection';
import { useUpdateOrg } from './api';
import { OrgFields, type OrgFieldValues } from './OrgFields';
import { useOrgContext } from './OrgLayout';

/** Owners edit the name, description and visibility (the address, slug, stays as it was), and the organisation's webhooks. */
export function OrgSettingsPage() {
  const { t } = useTranslation();
  const { org } = useOrgContext();
  useDocumentTitle(t('orgs.tabs.settings'), org.name);
  const update = useUpdateOrg(org.slug);
  const toast = useToast();
  const [values, setValues] = useState<OrgFieldValues>({
    name: org.name,
    description: org.description,
    visibility: org.visibility,
  });
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const errors = clientErrors ?? fieldErrorsOf(t, update.error);

  if (org.me?.role !== 'owner') return <Alert tone="info">{t('orgs.settings.ownersOnly')}</Alert>;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({ name: values.name.trim() === '' && t('validation.required') });
    setClientErrors(problems);
    if (problems) return;
    // Only what changed, so the activity log says exactly what happened.
    const next = { name: values.name.trim(), description: values.description.trim(), visibility: values.visibility };
    const changes = Object.fromEntries(Object.entries(next).filter(([key, value]) => org[key as keyof typeof next] !== value));
    if (Object.keys(changes).length === 0) {
      toast.show(t('orgs.settings.unchanged'), 'info');
      return;
    }
    update.mutate(changes, { onSuccess: () => toast.show(t('orgs.settings.saved')) });
  };

  return (
    <>
    <FormCard
      className="narrow settings-form"
      title={t('orgs.settings.title')}
      lead={t('orgs.settings.lead', { slug: org.slug })}
      onSubmit={submit}
      error={!clientErrors && update.error}
      submit={t('common.save')}
      pending={update.isPending}
    >
      <OrgFields values={values} errors={errors} onChange={(patch) => setValues({ ...values, ...patch })} />
    </FormCard>
    <WebhooksSection org={org} />
    <DeadJobsSection org={org} />
    </>
  );
}
