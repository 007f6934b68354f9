import { useTranslation } from 'react-i18next';
import { useEffect } from 'react';
import { Link, useLocation } from 'react-router';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { LoadError, Loading } from '../../components/Loading';
import { Section } from '../../components/PageLayout';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import type { Initiative } from '../initiatives/types';
import { CommentThread } from './CommentThread';
import { CommentForm } from './CommentForm';
import { useAddComment, useComments } from './comments-api';
import { useAbilities } from './participation';
import { RefusalNote } from './RefusalNote';
import type { Contribution } from './types';

/** The conversation: threads two levels deep, oldest first, so it reads like a conversation. */
export function CommentsSection({ c, initiative, onTermsNeeded }: { c: Contribution; initiative: Initiative; onTermsNeeded: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const toast = useToast();
  const comments = useComments(c.id);
  const add = useAddComment(c);
  const { can } = useAbilities(initiative);
  const ability = can('comment');
  const closed = c.hidden || c.mergedInto !== null;
  const canComment = !closed && (ability.allowed || ability.refusal === 'terms_not_accepted');
  const threads = comments.data?.pages.flatMap((p) => p.items) ?? [];
  // A link to one comment (from search or moderation) lands on it once the conversation has loaded.
  const { hash } = useLocation();
  const loaded = comments.isSuccess;
  useEffect(() => {
    if (!loaded || !hash.startsWith('#comment-')) return;
    const target = document.getElementById(hash.slice(1));
    if (!target) return;
    target.setAttribute('tabindex', '-1');
    target.scrollIntoView({ block: 'center' });
    target.focus({ preventScroll: true });
  }, [loaded, hash]);
  return (
    <Section id="comments" title={t('contributions.comments.title', { count: c.commentCount })}>
      {comments.isPending ? (
        <Loading />
      ) : comments.isError ? (
        <LoadError message={errorMessage(t, comments.error)} onRetry={() => void comments.refetch()} />
      ) : threads.length === 0 ? (
        <p className="muted">{closed ? t('contributions.comments.noneClosed') : t('contributions.comments.none')}</p>
      ) : (
        <ol className="comment-threads">
          {threads.map((thread) => (
            <CommentThread key={thread.id} thread={thread} c={c} canReply={canComment} onTermsNeeded={onTermsNeeded} />
          ))}
        </ol>
      )}
      {comments.hasNextPage && (
        <div className="feed-more">
          <Button variant="secondary" loading={comments.isFetchingNextPage} onClick={() => void comments.fetchNextPage()}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      {canComment ? (
        <CommentForm
          label={t('contributions.comments.add')}
          submit={t('contributions.comments.submit')}
          pending={add.isPending}
          error={add.error}
          onSubmit={(body, done) =>
            add.mutate(
              { body },
              {
                onSuccess: () => {
                  done();
                  toast.show(t('contributions.comments.added'));
                },
                onError: (error) => {
                  if (errorCode(error) === 'terms_not_accepted') onTermsNeeded();
                },
              },
            )
          }
        />
      ) : !user ? (
        <p>
          <Link to={`/login?next=${encodeURIComponent(window.location.pathname)}`}>{t('contributions.comments.login')}</Link>
        </p>
      ) : c.mergedInto ? (
        <p>
          {t('contributions.comments.continueThere')} <Link to={`/contributions/${c.mergedInto.id}`}>{c.mergedInto.title}</Link>
        </p>
      ) : (
        !c.hidden && ability.refusal && <div className="muted">{<RefusalNote refusal={ability.refusal} initiative={initiative} />}</div>
      )}
    </Section>
  );
}
