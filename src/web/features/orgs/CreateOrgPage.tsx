import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { TextField } from '../../components/Field';
import { PageHeader } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { check, errorCode, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { isValidSlug, slugify } from '../../lib/slug';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useCreateOrg, type OrgInput } from './api';
import { OrgFields } from './OrgFields';
import './orgs.css';

export function CreateOrgPage() {
  const { t } = useTranslation();
  useDocumentTitle(t('orgs.create.title'));
  const navigate = useNavigate();
  const toast = useToast();
  const create = useCreateOrg();
  const [values, setValues] = useState<OrgInput>({ name: '', slug: '', description: '', visibility: 'public' });
  // The address follows the name until the person edits it themselves.
  const [slugEdited, setSlugEdited] = useState(false);
  const [clientErrors, setClientErrors] = useState<FieldErrors | null>(null);
  const serverErrors = fieldErrorsOf(t, create.error);
  if (errorCode(create.error) === 'slug_taken') serverErrors.slug = t('errors.codes.slug_taken');
  const errors = clientErrors ?? serverErrors;

  const change = (patch: Partial<OrgInput>) =>
    setValues((v) => {
      const next = { ...v, ...patch };
      return patch.name !== undefined && !slugEdited ? { ...next, slug: slugify(patch.name) } : next;
    });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const problems = check({
      name: values.name.trim() === '' && t('validation.required'),
      slug: !isValidSlug(values.slug) && (values.slug.length < 3 || values.slug.length > 50 ? t('validation.slugLength') : t('validation.slugPattern')),
    });
    setClientErrors(problems);
    if (problems) return;
    create.mutate(
      { ...values, name: values.name.trim(), description: values.description.trim() },
      {
        onSuccess: (org) => {
          toast.show(t('orgs.create.created', { name: org.name }));
          void navigate(`/orgs/${org.slug}`);
        },
      },
    );
  };

  return (
    <div className="narrow">
      <PageHeader eyebrow={<Link to="/orgs">← {t('orgs.list.title')}</Link>} title={t('orgs.create.title')} lead={<p>{t('orgs.create.lead')}</p>} />
      <form className="card" onSubmit={submit} noValidate>
        {create.error && !clientErrors && <Alert tone="error">{errorMessage(t, create.error)}</Alert>}
        <OrgFields values={values} errors={errors} onChange={change} hints={{ name: t('orgs.create.nameHint'), description: t('orgs.create.descriptionHint') }}>
          <TextField
            label={t('fields.slug')}
            hint={t('orgs.create.slugHint')}
            value={values.slug}
            onChange={(e) => {
              setSlugEdited(true);
              change({ slug: e.target.value.toLowerCase() });
            }}
            error={errors.slug}
            autoCapitalize="none"
            spellCheck={false}
            maxLength={50}
          />
          {values.slug && (
            <p className="slug-preview">
              {t('orgs.create.slugPreview')} <span className="mono">{`${window.location.origin}/orgs/${values.slug}`}</span>
            </p>
          )}
        </OrgFields>
        <div className="form-actions">
          <Button type="submit" loading={create.isPending}>
            {t('orgs.create.submit')}
          </Button>
          <ButtonLink to="/orgs" variant="secondary">
            {t('common.cancel')}
          </ButtonLink>
        </div>
      </form>
    </div>
  );
}
