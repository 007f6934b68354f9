import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import type { Block, Org } from '../../lib/types';
import type { useBlocks } from './api';
import { UnblockDialog } from './BlockDialogs';

/** Owners and stewards: who may not contribute, support or comment here, why, and since when. */
export function BlockedSection({ org, blocks }: { org: Org; blocks: ReturnType<typeof useBlocks> }) {
  const { t } = useTranslation();
  const { date } = useFormat();
  const [unblocking, setUnblocking] = useState<Block | null>(null);
  const items = blocks.data?.pages.flatMap((p) => p.items) ?? [];
  return (
    <Section id="blocked" title={t('members.block.sectionTitle')}>
      {items.length > 0 && <p className="muted section-lead">{t('members.block.sectionLead')}</p>}
      {blocks.isPending ? (
        <Loading />
      ) : blocks.isError ? (
        <LoadError message={errorMessage(t, blocks.error)} onRetry={() => void blocks.refetch()} />
      ) : items.length === 0 ? (
        <p className="muted">{t('members.block.empty')}</p>
      ) : (
        <DataTable
          caption={t('members.block.caption', { name: org.name })}
          rows={items}
          rowKey={(b) => b.user.id}
          title={{ label: t('members.columns.person'), cell: (b) => <span className="cell-primary">{b.user.name}</span> }}
          columns={[
            { label: t('members.block.why'), cell: (b) => <span className="cell-text">{b.reason}</span> },
            {
              label: t('members.block.blockedBy'),
              cell: (b) => (
                <>
                  <span>{b.blockedBy.name}</span>
                  <span className="cell-secondary">{date(b.createdAt)}</span>
                </>
              ),
            },
          ]}
          actions={(b) => (
            <Button variant="ghost" size="sm" onClick={() => setUnblocking(b)} aria-label={t('members.block.unblockFor', { name: b.user.name })}>
              {t('members.block.unblock')}
            </Button>
          )}
        />
      )}
      {blocks.hasNextPage && (
        <p>
          <Button variant="secondary" loading={blocks.isFetchingNextPage} onClick={() => void blocks.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </p>
      )}
      <UnblockDialog org={org} block={unblocking} onClose={() => setUnblocking(null)} />
    </Section>
  );
}
