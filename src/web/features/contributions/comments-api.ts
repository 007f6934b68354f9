import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, query } from '../../lib/api';
import { contributionKeys as k } from '../../lib/queryKeys';
import type { Comment, CommentRevisions as CommentRevisionsSchema, Thread as ThreadSchema, ThreadPage as ThreadPageSchema } from '../../../server/modules/comments/schemas.js';

export type { Comment };
export type Thread = Static<typeof ThreadSchema>;
export type ThreadPage = Static<typeof ThreadPageSchema>;
export type CommentRevision = Static<typeof CommentRevisionsSchema>['items'][number];

const enc = encodeURIComponent;

/** The conversation on a contribution: threads oldest first, each with its replies. */
export const useComments = (contributionId: string) =>
  useInfiniteQuery({
    queryKey: k.comments(contributionId),
    queryFn: ({ pageParam }) => api<ThreadPage>('GET', `/contributions/${enc(contributionId)}/comments${query({ cursor: pageParam, limit: 50 })}`),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  });

export const useCommentRevisions = (commentId: string, enabled: boolean) =>
  useQuery({ queryKey: k.commentRevisions(commentId), queryFn: () => api<{ items: CommentRevision[] }>('GET', `/comments/${enc(commentId)}/revisions`), enabled });

export function useAddComment(contribution: { id: string; initiativeId: string }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; parentId?: string }) => api<Comment>('POST', `/contributions/${enc(contribution.id)}/comments`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: k.comments(contribution.id) });
      // The comment count on the page and in the feed.
      void client.invalidateQueries({ queryKey: k.one(contribution.id), exact: true });
      void client.invalidateQueries({ queryKey: k.feeds(contribution.initiativeId) });
    },
  });
}

export function useEditComment(comment: { id: string; contributionId: string }) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api<Comment>('PATCH', `/comments/${enc(comment.id)}`, { body }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: k.comments(comment.contributionId) });
      void client.invalidateQueries({ queryKey: k.commentRevisions(comment.id) });
    },
  });
}
