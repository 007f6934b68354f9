import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { ChoiceGroup } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage, fieldErrorsOf, type FieldErrors } from '../../lib/errors';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import { useInitiative, useNeeds } from '../initiatives/api';
import { InitiativeNotFound } from '../initiatives/NotFound';
import type { Initiative } from '../initiatives/types';
import { useContribution, useCreateContribution } from './api';
import { ContributionPicker } from './ContributionPicker';
import { checkDraft, emptyDraft, toCreateBody, type Draft } from './draft';
import { KindFields, TagsField } from './KindFields';
import { useAbilities } from './participation';
import { RefusalNote } from './RefusalNote';
import { SimilarSuggestions } from './SimilarSuggestions';
import { TermsGateDialog } from './TermsGate';
import { ACTION_OF_KIND, KINDS, isKind, type ContributionKind, type Ref } from './types';
import './contributions.css';

/** /initiatives/:id/contribute?kind=idea&buildsOn=…: write an experience, an idea or a build. */
export function ComposePage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const initiative = useInitiative(id);
  const baseId = params.get('buildsOn') ?? '';
  const base = useContribution(baseId);
  useDocumentTitle(t('contributions.compose.documentTitle'), initiative.data?.title);
  if (initiative.isPending || (baseId !== '' && base.isPending)) return <Loading />;
  if (initiative.isError) {
    if (errorCode(initiative.error) === 'not_found') return <InitiativeNotFound path={window.location.pathname} />;
    return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  }
  const requested = params.get('kind');
  const seed: Ref[] = base.data ? [{ id: base.data.id, title: base.data.title, kind: base.data.kind }] : [];
  return <ComposeForm initiative={initiative.data} requested={isKind(requested) ? requested : baseId !== '' ? 'build' : null} seed={seed} />;
}

function ComposeForm({ initiative, requested, seed }: { initiative: Initiative; requested: ContributionKind | null; seed: Ref[] }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { can, loaded } = useAbilities(initiative);
  const needs = useNeeds(initiative.id);
  const create = useCreateContribution(initiative.id);
  const [termsOpen, setTermsOpen] = useState(false);
  const [draft, setDraft] = useState<Draft>(() => ({ ...emptyDraft(requested ?? 'experience'), buildsOn: seed }));
  const [clientErrors, setClientErrors] = useState<FieldErrors>({});
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));

  if (!loaded) return <Loading />;
  if (initiative.status !== 'open') return <Navigate to={`/initiatives/${initiative.id}`} replace />;
  // Kinds the phase enables for this person: allowed now, or once the terms are accepted.
  const offered = KINDS.filter((k) => {
    const ability = can(ACTION_OF_KIND[k]);
    return ability.allowed || ability.refusal === 'terms_not_accepted';
  });
  const needsTerms = offered.some((k) => can(ACTION_OF_KIND[k]).refusal === 'terms_not_accepted');
  const kind: ContributionKind | undefined = offered.includes(draft.kind) ? draft.kind : offered[0];
  const home = `/initiatives/${initiative.id}`;

  const header = (
    <PageHeader
      eyebrow={<Link to={`${home}/contributions`}>← {initiative.title}</Link>}
      title={kind ? t(`contributions.compose.heading.${kind}`) : t('contributions.compose.documentTitle')}
      lead={<p>{t('contributions.compose.lead', { org: initiative.org.name })}</p>}
    />
  );
  if (kind === undefined) {
    const refusal = can('tell_experiences').refusal ?? 'other';
    return (
      <div className="narrow">
        {header}
        <Alert tone="info" title={t('contributions.compose.closedTitle')}>
          <RefusalNote refusal={refusal} initiative={initiative} />
        </Alert>
        <ButtonLink variant="secondary" to={`${home}/contributions`}>
          {t('contributions.compose.backToFeed')}
        </ButtonLink>
      </div>
    );
  }
  const current = { ...draft, kind };
  const serverErrors = fieldErrorsOf(t, create.error);
  const errors: FieldErrors = { ...serverErrors, ...clientErrors };
  const code = errorCode(create.error);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const problems = checkDraft(t, current);
    setClientErrors(problems ?? {});
    if (problems) {
      // After React has marked the fields, move to the first one that needs attention.
      requestAnimationFrame(() => document.querySelector<HTMLElement>('.compose-form [aria-invalid="true"], .compose-form .field-invalid input')?.focus());
      return;
    }
    if (needsTerms) return setTermsOpen(true);
    create.mutate(toCreateBody(current), {
      onSuccess: (created) => {
        toast.show(t(`contributions.compose.published.${created.kind}`));
        void navigate(`/contributions/${created.id}`);
      },
      onError: (error) => {
        if (errorCode(error) === 'terms_not_accepted') setTermsOpen(true);
      },
    });
  };
  const onBuildOn = (ref: Ref) => {
    if (!offered.includes('build')) return;
    setDraft((d) => ({ ...d, kind: 'build', buildsOn: d.buildsOn.some((b) => b.id === ref.id) ? d.buildsOn : [...d.buildsOn, ref] }));
    setClientErrors({});
    requestAnimationFrame(() => document.getElementById('compose-kind')?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  return (
    <>
      {header}
      {needsTerms && (
        <Alert tone="warning" action={<Button onClick={() => setTermsOpen(true)}>{t('initiatives.part.accept')}</Button>}>
          {t('contributions.compose.termsFirst', { version: initiative.termsVersion })}
        </Alert>
      )}
      <form className="card compose-form" onSubmit={submit} noValidate>
          {create.error && code !== 'terms_not_accepted' ? <Alert tone="error">{errorMessage(t, create.error)}</Alert> : null}
          <div id="compose-kind">
            {offered.length > 1 ? (
              <ChoiceGroup
                legend={t('contributions.compose.kindLegend')}
                name="kind"
                value={kind}
                options={offered.map((k) => ({ value: k, label: t(`contributions.compose.kindChoice.${k}`), hint: t(`contributions.compose.kindHint.${k}`) }))}
                onChange={(k) => {
                  setClientErrors({});
                  create.reset();
                  set({ kind: k });
                }}
              />
            ) : (
              <p className="muted">
                {t(`contributions.compose.kindHint.${kind}`)}
              </p>
            )}
          </div>
          {kind === 'build' && (
            <ContributionPicker
              initiativeId={initiative.id}
              legend={t('contributions.compose.buildsOn')}
              hint={t('contributions.compose.buildsOnHint')}
              value={current.buildsOn}
              onChange={(buildsOn) => set({ buildsOn })}
              error={errors.buildsOn}
            />
          )}
          <KindFields draft={current} set={set} errors={errors} />
          <div className="similar-slot">
            <SimilarSuggestions initiativeId={initiative.id} title={current.title} body={current.body} canBuild={offered.includes('build')} onBuildOn={onBuildOn} onTermsNeeded={() => setTermsOpen(true)} />
          </div>
          <TagsField value={current.tags} onChange={(tags) => set({ tags })} error={errors.tags} />
          {(needs.data?.items.length ?? 0) > 0 && (
            <fieldset className="fieldset">
              <legend>
                {t('contributions.compose.answers')} <span className="field-optional">({t('common.optional')})</span>
              </legend>
              <p className="field-hint">{t('contributions.compose.answersHint')}</p>
              {needs.data?.items.map((need) => (
                <label key={need.id} className="check check-block">
                  <input
                    type="checkbox"
                    checked={current.answers.includes(need.id)}
                    onChange={(e) => set({ answers: e.target.checked ? [...current.answers, need.id] : current.answers.filter((a) => a !== need.id) })}
                  />
                  {need.title}
                </label>
              ))}
            </fieldset>
          )}
          {kind !== 'experience' && (
            <ContributionPicker
              initiativeId={initiative.id}
              legend={`${t('contributions.compose.cites')} (${t('common.optional')})`}
              hint={t('contributions.compose.citesHint')}
              kind="experience"
              value={current.cites}
              onChange={(cites) => set({ cites })}
              error={errors.cites}
            />
          )}
          <p className="muted compose-terms">{t('contributions.compose.underTerms', { version: initiative.termsVersion })}</p>
          <div className="form-actions">
            <Button type="submit" loading={create.isPending}>
              {t(`contributions.compose.submit.${kind}`)}
            </Button>
            <ButtonLink variant="secondary" to={`${home}/contributions`}>
              {t('common.cancel')}
            </ButtonLink>
          </div>
      </form>
      <TermsGateDialog initiative={initiative} open={termsOpen} onClose={() => setTermsOpen(false)} />
    </>
  );
}
