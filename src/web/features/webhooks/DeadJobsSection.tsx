import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { api, type Page } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Org } from '../../lib/types';
import type { DeadJob } from '../../../server/modules/dispatch/schemas.js';

type Job = Static<typeof DeadJob>;
const KINDS = ['notification.mail', 'webhook.deliver', 'digest.plan', 'digest.batch'] as const;
const key = (slug: string) => ['org', slug, 'dead-jobs'] as const;

/** Org settings → what could not be delivered after every retry, for the owners to send again. */
export function DeadJobsSection({ org }: { org: Org }) {
  const { t } = useTranslation();
  const toast = useToast();
  const format = useFormat();
  const client = useQueryClient();
  const jobs = useQuery({ queryKey: key(org.slug), queryFn: () => api<Page<Job>>('GET', `/orgs/${encodeURIComponent(org.slug)}/dead-jobs?limit=100`) });
  const retry = useMutation({
    mutationFn: (id: string) => api<undefined>('POST', `/orgs/${encodeURIComponent(org.slug)}/dead-jobs/${encodeURIComponent(id)}/retry`),
    onSuccess: () => {
      toast.show(t('deadJobs.retried'));
      void client.invalidateQueries({ queryKey: key(org.slug) });
    },
  });
  const kind = (job: Job) => ((KINDS as readonly string[]).includes(job.kind) ? t(`deadJobs.kinds.${job.kind as (typeof KINDS)[number]}`) : job.kind);
  return (
    <Section id="dead-jobs" title={t('deadJobs.title')}>
      <p className="muted section-lead">{t('deadJobs.lead')}</p>
      {retry.error ? <Alert tone="error">{errorMessage(t, retry.error)}</Alert> : null}
      {jobs.isPending ? (
        <Loading />
      ) : jobs.isError ? (
        <LoadError message={errorMessage(t, jobs.error)} onRetry={() => void jobs.refetch()} />
      ) : jobs.data.items.length === 0 ? (
        <EmptyState level={3} title={t('deadJobs.emptyTitle')}>
          <p>{t('deadJobs.empty')}</p>
        </EmptyState>
      ) : (
        <DataTable
          caption={t('deadJobs.title')}
          rows={jobs.data.items}
          rowKey={(job) => job.id}
          title={{ label: t('deadJobs.columns.what'), cell: kind }}
          columns={[
            { label: t('deadJobs.columns.attempts'), cell: (job) => job.attempts },
            { label: t('deadJobs.columns.error'), cell: (job) => <span className="mono">{job.lastError ?? '—'}</span> },
            { label: t('deadJobs.columns.since'), cell: (job) => format.dateTime(job.updatedAt) },
          ]}
          actions={(job) => (
            <Button variant="secondary" size="sm" loading={retry.isPending && retry.variables === job.id} onClick={() => retry.mutate(job.id)}>
              {t('deadJobs.retry')}
            </Button>
          )}
        />
      )}
    </Section>
  );
}
