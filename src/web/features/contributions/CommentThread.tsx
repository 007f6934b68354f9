import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSession } from '../../app/session';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { errorCode, errorMessage } from '../../lib/errors';
import { useFormat } from '../../lib/format';
import { CommentForm } from './CommentForm';
import { useAddComment, useCommentRevisions, useEditComment, type Comment, type Thread } from './comments-api';
import { SafeHtml } from './ContributionBody';
import { FlagDialog } from './FlagDialog';
import { useAppeal, useHide, useUnhide } from './moderation-api';
import { ReasonDialog } from '../../components/ReasonDialog';
import type { Contribution } from './types';
import { WordDiff, wordParts } from './WordDiff';

interface ThreadProps {
  thread: Thread;
  c: Contribution;
  canReply: boolean;
  onTermsNeeded: () => void;
}

/** A first comment and its replies, with a reply form under them when asked for. */
export function CommentThread({ thread, c, canReply, onTermsNeeded }: ThreadProps) {
  const { t } = useTranslation();
  const toast = useToast();
  const [replying, setReplying] = useState(false);
  const add = useAddComment(c);
  return (
    <li className="comment-thread">
      <CommentItem comment={thread} canModerate={c.me.canModerate} onReply={canReply ? () => setReplying(true) : undefined} />
      {(thread.replies.length > 0 || replying) && (
        <ol className="comment-replies" aria-label={t('contributions.comments.repliesTo', { name: thread.author.name })}>
          {thread.replies.map((reply) => (
            <li key={reply.id}>
              <CommentItem comment={reply} canModerate={c.me.canModerate} />
            </li>
          ))}
          {replying && (
            <li>
              <CommentForm
                label={t('contributions.comments.replyTo', { name: thread.author.name })}
                submit={t('contributions.comments.reply')}
                pending={add.isPending}
                error={add.error}
                autoFocus
                onCancel={() => setReplying(false)}
                onSubmit={(body, done) =>
                  add.mutate(
                    { body, parentId: thread.id },
                    {
                      onSuccess: () => {
                        done();
                        setReplying(false);
                        toast.show(t('contributions.comments.replied'));
                      },
                      onError: (error) => {
                        if (errorCode(error) === 'terms_not_accepted') onTermsNeeded();
                      },
                    },
                  )
                }
              />
            </li>
          )}
        </ol>
      )}
    </li>
  );
}

/** One comment: who and when, the text (or why it is hidden), and what you can do with it. */
function CommentItem({ comment, canModerate, onReply }: { comment: Comment; canModerate: boolean; onReply?: () => void }) {
  const { t } = useTranslation();
  const { user } = useSession();
  const { dateTime } = useFormat();
  const toast = useToast();
  const [editing, setEditing] = useState(false);
  const [history, setHistory] = useState(false);
  const [flagging, setFlagging] = useState(false);
  const edit = useEditComment(comment);
  return (
    <article id={`comment-${comment.id}`} className={comment.hidden ? 'comment comment-hidden' : 'comment'} aria-label={t('contributions.comments.by', { name: comment.author.name })}>
      <p className="comment-meta">
        <strong>{comment.author.name}</strong> · <time dateTime={comment.createdAt}>{dateTime(comment.createdAt)}</time>
        {comment.edited && (
          <>
            {' · '}
            <button type="button" className="link-button" aria-expanded={history} onClick={() => setHistory((v) => !v)}>
              {t('contributions.comments.edited')}
            </button>
          </>
        )}
      </p>
      {comment.hidden && (
        <p className="comment-hidden-note">
          {comment.moderation ? t('contributions.comments.hiddenWithReason', { reason: comment.moderation.reason }) : t('contributions.comments.hidden')}
        </p>
      )}
      {editing ? (
        <CommentForm
          label={t('contributions.comments.editLabel')}
          submit={t('common.save')}
          initial={comment.body}
          pending={edit.isPending}
          error={edit.error}
          autoFocus
          onCancel={() => setEditing(false)}
          onSubmit={(body) =>
            edit.mutate(body, {
              onSuccess: () => {
                setEditing(false);
                toast.show(t('contributions.comments.saved'));
              },
            })
          }
        />
      ) : (
        comment.bodyHtml !== '' && <SafeHtml html={comment.bodyHtml} className="comment-body" />
      )}
      {history && <CommentHistory id={comment.id} />}
      {!editing && (
        <div className="comment-actions">
          {onReply && (
            <Button variant="ghost" size="sm" onClick={onReply} aria-label={t('contributions.comments.replyTo', { name: comment.author.name })}>
              {t('contributions.comments.reply')}
            </Button>
          )}
          {comment.me.canEdit && !comment.hidden && (
            <Button variant="ghost" size="sm" onClick={() => setEditing(true)}>
              {t('contributions.comments.edit')}
            </Button>
          )}
          {user && !comment.me.isAuthor && !comment.hidden && !canModerate && (
            <>
              <Button variant="ghost" size="sm" onClick={() => setFlagging(true)} aria-label={t('contributions.flag.commentFor', { name: comment.author.name })}>
                {t('contributions.flag.button')}
              </Button>
              <FlagDialog type="comment" id={comment.id} open={flagging} onClose={() => setFlagging(false)} />
            </>
          )}
          <CommentModeration comment={comment} canModerate={canModerate} />
        </div>
      )}
    </article>
  );
}

function CommentHistory({ id }: { id: string }) {
  const { t } = useTranslation();
  const { dateTime } = useFormat();
  const revisions = useCommentRevisions(id, true);
  if (!revisions.data) return null;
  return (
    <div className="comment-history">
      <h4>{t('contributions.comments.history')}</h4>
      <ol reversed>
        {revisions.data.items
          .map((r, i) => ({ ...r, previous: revisions.data.items[i - 1] }))
          .reverse()
          .map((r) => (
            <li key={r.revision}>
              <p className="muted">
                {t('contributions.history.version', { n: r.revision })} · {r.editor.name} · <time dateTime={r.createdAt}>{dateTime(r.createdAt)}</time>
              </p>
              {r.previous ? <WordDiff parts={wordParts(r.previous.body, r.body)} /> : <p className="pre-line">{r.body}</p>}
            </li>
          ))}
      </ol>
    </div>
  );
}

/** Hosts hide a comment with a reason or show it again; its author appeals. */
function CommentModeration({ comment, canModerate }: { comment: Comment; canModerate: boolean }) {
  const { t } = useTranslation();
  const toast = useToast();
  const [open, setOpen] = useState<null | 'hide' | 'appeal'>(null);
  const hide = useHide('comment', comment.id);
  const unhide = useUnhide('comment', comment.id);
  const appeal = useAppeal('comment', comment.id);
  const appealOpen = comment.moderation?.appeal?.status === 'open';
  return (
    <>
      {canModerate && !comment.hidden && (
        <Button variant="ghost" size="sm" onClick={() => setOpen('hide')} aria-label={t('contributions.comments.hideFor', { name: comment.author.name })}>
          {t('contributions.host.hide')}
        </Button>
      )}
      {canModerate && comment.hidden && (
        <Button variant="ghost" size="sm" loading={unhide.isPending} onClick={() => unhide.mutate(undefined, { onSuccess: () => toast.show(t('contributions.host.shown')), onError: (e) => toast.show(errorMessage(t, e), 'error') })}>
          {t('contributions.host.unhide')}
        </Button>
      )}
      {comment.hidden && comment.me.isAuthor && !appealOpen && (
        <Button variant="ghost" size="sm" onClick={() => setOpen('appeal')}>
          {t('contributions.appeal.title')}
        </Button>
      )}
      {comment.hidden && comment.me.isAuthor && appealOpen && <span className="muted comment-appeal-note">{t('contributions.comments.appealOpen')}</span>}
      <ReasonDialog
        open={open === 'hide'}
        onClose={() => setOpen(null)}
        title={t('contributions.comments.hideTitle', { name: comment.author.name })}
        description={t('contributions.host.hideBody')}
        label={t('contributions.host.reason')}
        hint={t('contributions.host.reasonHint')}
        confirm={t('contributions.host.hideConfirm')}
        danger
        action={hide}
        onConfirm={(reason) => hide.mutate(reason, { onSuccess: () => { toast.show(t('contributions.host.hidden')); setOpen(null); } })}
      />
      <ReasonDialog
        open={open === 'appeal'}
        onClose={() => setOpen(null)}
        title={t('contributions.appeal.title')}
        description={t('contributions.appeal.hint')}
        label={t('contributions.appeal.text')}
        confirm={t('contributions.appeal.submit')}
        action={appeal}
        onConfirm={(text) => appeal.mutate(text, { onSuccess: () => { toast.show(t('contributions.appeal.sent')); setOpen(null); } })}
      />
    </>
  );
}
