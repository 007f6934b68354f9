import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { DataTable } from '../../components/DataTable';
import { useFormat } from '../../lib/format';
import type { ApiToken } from '../../lib/types';

export function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <DataTable
      caption={t('account.tokens.listTitle')}
      rows={tokens}
      rowKey={(token) => token.id}
      title={{
        label: t('fields.tokenName'),
        cell: (token) => (
          <>
            <span className="cell-primary">{token.name}</span>
            <span className="cell-secondary mono">{token.prefix}…</span>
          </>
        ),
      }}
      columns={[
        { label: t('account.tokens.columns.created'), cell: (token) => format.date(token.createdAt) },
        { label: t('account.tokens.columns.lastUsed'), cell: (token) => (token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('account.tokens.neverUsed')) },
        { label: t('account.tokens.columns.expires'), cell: (token) => (token.expiresAt ? format.date(token.expiresAt) : t('account.tokens.never')) },
      ]}
      actions={(token) => (
        <Button variant="ghost" size="sm" onClick={() => onRevoke(token)} aria-label={t('account.tokens.revokeFor', { name: token.name })}>
          {t('account.tokens.revoke')}
        </Button>
      )}
    />
  );
}
