import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { CopyField } from '../../components/CopyField';
import { EmptyState } from '../../components/EmptyState';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import type { ApiToken, CreatedToken } from '../../lib/types';
import { useRevokeToken, useTokens } from './api';
import { CreateTokenForm } from './CreateTokenForm';
import { TokensTable } from './TokensTable';

/** Personal API tokens for integrations: created here, shown once, listed by prefix, revoked any time. */
export function TokensSection() {
  const { t } = useTranslation();
  const tokens = useTokens();
  const revoke = useRevokeToken();
  const toast = useToast();
  const [created, setCreated] = useState<CreatedToken | null>(null);
  const [revoking, setRevoking] = useState<ApiToken | null>(null);

  const confirm = (token: ApiToken) =>
    revoke.mutate(token.id, {
      onSuccess: () => {
        toast.show(t('account.tokens.revoked', { name: token.name }));
        if (created?.token.id === token.id) setCreated(null);
        setRevoking(null);
      },
    });

  return (
    <Section id="tokens" title={t('account.tokens.title')}>
      <p className="muted account-tokens-lead">{t('account.tokens.lead')}</p>
      <div className="card">
        <CreateTokenForm onCreated={setCreated} />
        {created && (
          <div className="token-secret">
            <Alert tone="success" title={t('account.tokens.createdTitle', { name: created.token.name })}>
              <p>{t('account.tokens.createdBody')}</p>
            </Alert>
            <CopyField label={t('account.tokens.secret')} value={created.secret} hint={t('account.tokens.secretHint')} />
            <Button variant="secondary" size="sm" onClick={() => setCreated(null)}>
              {t('account.tokens.hideSecret')}
            </Button>
          </div>
        )}
      </div>
      <h3 className="account-tokens-list-title">{t('account.tokens.listTitle')}</h3>
      {tokens.isPending ? (
        <Loading />
      ) : tokens.isError ? (
        <LoadError message={errorMessage(t, tokens.error)} onRetry={() => void tokens.refetch()} />
      ) : tokens.data.items.length === 0 ? (
        <EmptyState level={3} title={t('account.tokens.emptyTitle')}>
          {t('account.tokens.emptyBody')}
        </EmptyState>
      ) : (
        <TokensTable tokens={tokens.data.items} onRevoke={setRevoking} />
      )}
      <ConfirmDialog
        open={revoking !== null}
        onClose={() => setRevoking(null)}
        title={t('account.tokens.revokeTitle', { name: revoking?.name ?? '' })}
        description={t('account.tokens.revokeBody')}
        confirm={t('account.tokens.revokeConfirm')}
        onConfirm={() => revoking && confirm(revoking)}
        action={revoke}
      />
    </Section>
  );
}
