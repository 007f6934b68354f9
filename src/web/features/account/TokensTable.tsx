import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';
import { useFormat } from '../../lib/format';
import type { ApiToken } from '../../lib/types';
import '../../components/Table.css';

export function TokensTable({ tokens, onRevoke }: { tokens: ApiToken[]; onRevoke: (token: ApiToken) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('account.tokens.listTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('fields.tokenName')}</th>
            <th scope="col">{t('account.tokens.columns.created')}</th>
            <th scope="col">{t('account.tokens.columns.lastUsed')}</th>
            <th scope="col">{t('account.tokens.columns.expires')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('members.columns.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id}>
              <td className="cell-title">
                <span className="cell-primary">{token.name}</span>
                <span className="cell-secondary mono">{token.prefix}…</span>
              </td>
              <td data-label={t('account.tokens.columns.created')}>{format.date(token.createdAt)}</td>
              <td data-label={t('account.tokens.columns.lastUsed')}>{token.lastUsedAt ? format.dateTime(token.lastUsedAt) : t('account.tokens.neverUsed')}</td>
              <td data-label={t('account.tokens.columns.expires')}>{token.expiresAt ? format.date(token.expiresAt) : t('account.tokens.never')}</td>
              <td className="cell-actions">
                <Button variant="ghost" size="sm" onClick={() => onRevoke(token)} aria-label={t('account.tokens.revokeFor', { name: token.name })}>
                  {t('account.tokens.revoke')}
                </Button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
