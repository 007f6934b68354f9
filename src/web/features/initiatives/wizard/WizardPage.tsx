import { useEffect, useState, type FormEvent } from 'react';
import { useDocumentTitle } from '../../../lib/useDocumentTitle';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams, useSearchParams } from 'react-router';
import { Alert } from '../../../components/Alert';
import { Button } from '../../../components/Button';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { LoadError, Loading } from '../../../components/Loading';
import { PageHeader } from '../../../components/PageLayout';
import { useToast } from '../../../components/Toast';
import { errorCode, errorMessage } from '../../../lib/errors';
import { useOrg } from '../../orgs/api';
import { useCreateInitiative, useInitiative, useSavePhases, useSaveTerms, useTerms, useTransition, useUpdateInitiative } from '../api';
import { TermsEditor } from '../TermsEditor';
import { cleanTerms, pathErrorsOf } from '../terms-form';
import type { Initiative } from '../types';
import { AudienceStep } from './AudienceStep';
import { PhasesStep } from './PhasesStep';
import { ReviewStep } from './ReviewStep';
import { cleanPhases, goalsOf, newState, stateOf, STEPS, type WizardState } from './state';
import { VisionStep } from './VisionStep';
import '../initiatives.css';

/** Vision → audience → phases → terms → review → launch; each step saves the draft on the server. */
export function WizardPage() {
  const { id = '' } = useParams();
  const initiative = useInitiative(id);
  const terms = useTerms(id);
  const { t } = useTranslation();
  if (id === '') return <Wizard initiative={null} initial={newState()} />;
  if (initiative.isPending || terms.isPending) return <Loading />;
  if (initiative.data?.status !== undefined && initiative.data.status !== 'draft') return <Navigate to={`/initiatives/${id}`} replace />;
  if (initiative.isError) return <LoadError message={errorMessage(t, initiative.error)} onRetry={() => void initiative.refetch()} />;
  if (terms.isError) return <LoadError message={errorMessage(t, terms.error)} onRetry={() => void terms.refetch()} />;
  return <Wizard key={id} initiative={initiative.data} initial={stateOf(initiative.data, terms.data.draft)} />;
}

function Wizard({ initiative, initial }: { initiative: Initiative | null; initial: WizardState }) {
  const { t } = useTranslation();
  const toast = useToast();
  const navigate = useNavigate();
  const { slug = '' } = useParams();
  const org = useOrg(slug);
  const [search, setSearch] = useSearchParams();
  const stepIndex = Math.min(Math.max(Number(search.get('step') ?? 0) || 0, 0), STEPS.length - 1);
  const step = STEPS[stepIndex] ?? 'vision';
  useDocumentTitle(t(`terms.wizard.steps.${step}`), initiative?.title ?? t('terms.wizard.title'));
  const [state, setState] = useState(initial);
  const [slugEdited, setSlugEdited] = useState(initiative !== null);
  const [confirm, setConfirm] = useState(false);
  const id = initiative?.id ?? '';
  const create = useCreateInitiative(slug);
  const update = useUpdateInitiative(id);
  const phases = useSavePhases(id);
  const saveTerms = useSaveTerms(id);
  const launch = useTransition(initiative ?? ({ id: '', org: { slug } } as Initiative));
  const current = { vision: initiative ? update : create, audience: update, phases, terms: saveTerms, review: launch }[step];
  const errors = pathErrorsOf(t, current.error);
  if (errorCode(create.error) === 'slug_taken') errors['/slug'] = t('errors.codes.slug_taken');

  useEffect(() => {
    document.querySelector<HTMLElement>('h1')?.focus();
  }, [stepIndex]);

  const goTo = (index: number) => {
    current.reset();
    setSearch({ step: String(index) });
  };
  const next = () => goTo(stepIndex + 1);
  const f = state.fields;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step === 'vision') {
      const fields = { title: f.title.trim(), summary: f.summary.trim(), vision: f.vision, goals: goalsOf(state.goalsText), object: f.object, reach: f.reach };
      if (!initiative) {
        create.mutate({ ...f, ...fields }, { onSuccess: (created) => void navigate(`/orgs/${slug}/initiatives/${created.id}/edit?step=1`, { replace: true }) });
      } else update.mutate(fields, { onSuccess: next });
    } else if (step === 'audience') {
      update.mutate({ audience: f.audience, visibility: f.visibility, locus: f.locus, adaptability: f.adaptability }, { onSuccess: next });
    } else if (step === 'phases') {
      phases.mutate(cleanPhases(state.phases), { onSuccess: next });
    } else if (step === 'terms') {
      saveTerms.mutate(cleanTerms(state.terms), { onSuccess: next });
    } else setConfirm(true);
  };

  const name = t(`terms.wizard.steps.${step}`);
  return (
    <div className="wizard">
      <PageHeader
        eyebrow={<Link to={`/orgs/${slug}`}>← {org.data?.name ?? slug}</Link>}
        title={initiative ? t('terms.wizard.resumeTitle', { title: initiative.title }) : t('terms.wizard.title')}
        lead={<p>{t('terms.wizard.progress', { n: stepIndex + 1, total: STEPS.length, name })}</p>}
      />
      <nav aria-label={t('terms.wizard.title')}>
        <ol className="wizard-steps">
          {STEPS.map((s, i) => (
            <li key={s} aria-current={i === stepIndex ? 'step' : undefined} className={i < stepIndex ? 'done' : i === stepIndex ? 'current' : ''}>
              {initiative && i !== stepIndex ? (
                <button type="button" onClick={() => goTo(i)}>
                  <span className="wizard-step-n">{i + 1}</span> {t(`terms.wizard.steps.${s}`)}
                </button>
              ) : (
                <span>
                  <span className="wizard-step-n">{i + 1}</span> {t(`terms.wizard.steps.${s}`)}
                </span>
              )}
            </li>
          ))}
        </ol>
      </nav>
      <form onSubmit={submit} noValidate className="card wizard-form">
        <h2>{name}</h2>
        {current.error ? <Alert tone="error">{errorMessage(t, current.error)}</Alert> : null}
        {step === 'vision' && <VisionStep state={state} onChange={setState} errors={errors} slugLocked={initiative !== null} slugEdited={slugEdited} onSlugEdited={() => setSlugEdited(true)} />}
        {step === 'audience' && <AudienceStep slug={slug} state={state} onChange={setState} errors={errors} />}
        {step === 'phases' && <PhasesStep phases={state.phases} onChange={(p) => setState({ ...state, phases: p })} errors={errors} />}
        {step === 'terms' && (
          <>
            <p className="muted">{t('terms.wizard.termsLead')}</p>
            <TermsEditor terms={state.terms} onChange={(terms) => setState({ ...state, terms })} errors={errors} />
          </>
        )}
        {step === 'review' && <ReviewStep state={state} orgName={org.data?.name ?? ''} onEdit={(s) => goTo(STEPS.indexOf(s))} />}
        <div className="form-actions">
          {stepIndex > 0 && (
            <Button variant="secondary" onClick={() => goTo(stepIndex - 1)}>
              {t('terms.wizard.back')}
            </Button>
          )}
          <Button type="submit" loading={current.isPending}>
            {step === 'review' ? t('terms.wizard.launch') : t('terms.wizard.next')}
          </Button>
        </div>
      </form>
      <ConfirmDialog
        open={confirm}
        onClose={() => setConfirm(false)}
        title={t('terms.wizard.launchTitle', { title: f.title })}
        description={t('terms.wizard.launchBody')}
        confirm={t('terms.wizard.launch')}
        action={launch}
        onConfirm={() =>
          launch.mutate('launch', {
            onSuccess: () => {
              toast.show(t('terms.wizard.launched', { title: f.title }));
              void navigate(`/initiatives/${id}`);
            },
          })
        }
      />
    </div>
  );
}
