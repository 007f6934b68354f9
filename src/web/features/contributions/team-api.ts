import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import { contributionKeys as k } from '../../lib/queryKeys';
import { refreshContribution } from './api';
import type { Attachment, Contribution } from './types';

const enc = encodeURIComponent;

/** Co-authors, attachments and merges all answer with the contribution as it is now (or change it). */
function useContributionMutation<I>(contribution: Contribution, request: (input: I) => Promise<unknown>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (result) => {
      if (typeof result === 'object' && result !== null && 'bodyHtml' in result) client.setQueryData(k.one(contribution.id), result);
      refreshContribution(client, contribution);
      void client.invalidateQueries({ queryKey: ['contribution'] });
    },
  });
}

export const useInviteCoauthor = (c: Contribution) => useContributionMutation(c, (userId: string) => api<Contribution>('POST', `/contributions/${enc(c.id)}/coauthors`, { userId }));
export const useAnswerCoauthor = (c: Contribution) => useContributionMutation(c, (accept: boolean) => api<Contribution>('POST', `/contributions/${enc(c.id)}/coauthors/me`, { accept }));
export const useRemoveCoauthor = (c: Contribution) => useContributionMutation(c, (userId: string) => api<null>('DELETE', `/contributions/${enc(c.id)}/coauthors/${enc(userId)}`));

export const useAttach = (c: Contribution) =>
  useContributionMutation(c, (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return api<Attachment>('POST', `/contributions/${enc(c.id)}/attachments`, form);
  });

export const useMerge = (c: Contribution) => useContributionMutation(c, (input: { targetId: string; reason: string }) => api<Contribution>('POST', `/contributions/${enc(c.id)}/merge`, input));
export const useUnmerge = (c: Contribution) => useContributionMutation(c, () => api<Contribution>('POST', `/contributions/${enc(c.id)}/unmerge`));
