import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { TextArea, TextField } from '../../components/Field';
import { useToast } from '../../components/Toast';
import { check, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import type { Visibility } from '../../lib/types';
import { useUpdateOrg } from './api';
import { useOrgContext } from './OrgLayout';
import { VisibilityChoice } from './VisibilityChoice';

/** Owners edit the name, description and visibility; the address (slug) stays as it was. */
export function OrgSettingsPage() {
  const { t } = useTranslation();
  const { org } = useOrgContext();
  useDocumentTitle(t('orgs.tabs.settings'), org.name);
  const update = useUpdateOrg(org.slug);
  const toast = useToast();
  const [values, setValues] = useState<{ name: string; description: string; visibility: Visibility }>({
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
    <form className="card narrow" onSubmit={submit} noValidate aria-labelledby="settings-title">
      <h2 id="settings-title">{t('orgs.settings.title')}</h2>
      <p className="muted">{t('orgs.settings.lead', { slug: org.slug })}</p>
      {update.error && !clientErrors && <Alert tone="error">{errorMessage(t, update.error)}</Alert>}
      <TextField label={t('fields.orgName')} value={values.name} onChange={(e) => setValues({ ...values, name: e.target.value })} error={errors.name} maxLength={100} />
      <TextArea
        label={t('fields.description')}
        optional
        value={values.description}
        onChange={(e) => setValues({ ...values, description: e.target.value })}
        error={errors.description}
        maxLength={2000}
      />
      <VisibilityChoice value={values.visibility} onChange={(visibility) => setValues({ ...values, visibility })} />
      <div className="form-actions">
        <Button type="submit" loading={update.isPending}>
          {t('common.save')}
        </Button>
      </div>
    </form>
  );
}
