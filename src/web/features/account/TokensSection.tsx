import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { CopyField } from '../../components/CopyField';
import { Dialog } from '../../components/Dialog';
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

  const close = () => {
    revoke.reset();
    setRevoking(null);
  };
  const confirm = () => {
    if (!revoking) return;
    revoke.mutate(revoking.id, {
      onSuccess: () => {
        toast.show(t('account.tokens.revoked', { name: revoking.name }));
        if (created?.token.id === revoking.id) setCreated(null);
        close();
      },
    });
  };

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
      <Dialog open={revoking !== null} onClose={close} title={t('account.tokens.revokeTitle', { name: revoking?.name ?? '' })} description={t('account.tokens.revokeBody')}>
        {revoke.error && <Alert tone="error">{errorMessage(t, revoke.error)}</Alert>}
        <div className="form-actions">
          <Button variant="secondary" onClick={close}>
            {t('common.cancel')}
          </Button>
          <Button variant="danger" loading={revoke.isPending} onClick={confirm}>
            {t('account.tokens.revokeConfirm')}
          </Button>
        </div>
      </Dialog>
    </Section>
  );
}
