import { useTranslation } from 'react-i18next';
import { useNavigate, useParams } from 'react-router';
import { useSession } from '../../app/session';
import { Alert } from '../../components/Alert';
import { Button, ButtonLink } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { PageHeader } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { useDocumentTitle } from '../../lib/useDocumentTitle';
import type { AcceptResponse } from '../../lib/types';
import { AcceptWithAccountForm } from './AcceptWithAccountForm';
import { useAcceptInvitation, useInvitationPreview } from './api';
import '../auth/auth.css';

/** What an invitation link opens: who invites you to what, and the one step to join. */
export function AcceptInvitationPage() {
  const { t } = useTranslation();
  const { token = '' } = useParams();
  const { user } = useSession();
  const preview = useInvitationPreview(token);
  const accept = useAcceptInvitation(token);
  const navigate = useNavigate();
  const toast = useToast();
  const format = useFormat();
  useDocumentTitle(preview.data ? t('invitations.accept.title', { name: preview.data.org.name }) : t('invitations.accept.documentTitle'));

  if (preview.isPending) return <Loading />;
  if (preview.isError) {
    const invalid = errorCode(preview.error) === 'invitation_not_found';
    return (
      <div className="auth-page">
        <PageHeader title={t('invitations.accept.invalidTitle')} />
        {invalid ? <Alert tone="error">{t('errors.codes.invitation_not_found')}</Alert> : <LoadError message={errorMessage(t, preview.error)} onRetry={() => void preview.refetch()} />}
        <ButtonLink to="/" variant="secondary">
          {t('invitations.accept.goHome')}
        </ButtonLink>
      </div>
    );
  }

  const invitation = preview.data;
  const joined = (result: AcceptResponse) => {
    toast.show(t('invitations.accept.welcome', { name: result.org.name }));
    void navigate(`/orgs/${result.org.slug}`, { replace: true });
  };
  const here = `/invitations/${token}`;

  return (
    <div className="auth-page">
      <PageHeader
        eyebrow={t('invitations.accept.eyebrow', { inviter: invitation.invitedBy })}
        title={t('invitations.accept.title', { name: invitation.org.name })}
        lead={invitation.org.description ? <p>{invitation.org.description}</p> : undefined}
      />
      <div className="card stack">
        <p className="accept-as">{t('invitations.accept.as', { kind: t(`kindsInSentence.${invitation.kind}`), role: t(`roles.${invitation.role}`) })}</p>
        <p className="muted">{t(`roleHints.${invitation.role}`)}</p>
        {invitation.status !== 'pending' ? (
          <Alert tone="warning">{t(`invitations.accept.closed.${invitation.status}`)}</Alert>
        ) : user ? (
          <>
            {user.email.toLowerCase() !== invitation.email.toLowerCase() && (
              <Alert tone="warning">{t('invitations.accept.otherAccount', { invited: invitation.email, current: user.email })}</Alert>
            )}
            {accept.error && <Alert tone="error">{errorMessage(t, accept.error)}</Alert>}
            <Button loading={accept.isPending} onClick={() => accept.mutate(null, { onSuccess: joined })}>
              {t('invitations.accept.join', { name: invitation.org.name })}
            </Button>
          </>
        ) : invitation.accountExists ? (
          <>
            <p>{t('invitations.accept.loginFirst', { email: invitation.email })}</p>
            <ButtonLink to={`/login?next=${encodeURIComponent(here)}&email=${encodeURIComponent(invitation.email)}`}>{t('invitations.accept.login')}</ButtonLink>
          </>
        ) : (
          <AcceptWithAccountForm email={invitation.email} accept={accept} onJoined={joined} />
        )}
        {invitation.status === 'pending' && <p className="muted">{t('invitations.accept.expires', { date: format.date(invitation.expiresAt) })}</p>}
      </div>
    </div>
  );
}
