import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Static } from 'typebox';
import { api, query, type Page } from '../../lib/api';
import { contributionKeys as k } from '../../lib/queryKeys';
import type { Theme, ThemeSuggestion, ThemeSuggestions as ThemeSuggestionsSchema } from '../../../server/modules/themes/schemas.js';
import { refreshContribution } from './api';
import type { Contribution } from './types';

export type { Theme, ThemeSuggestion };
export type ThemeSuggestions = Static<typeof ThemeSuggestionsSchema>;

const enc = encodeURIComponent;

export const useThemes = (initiativeId: string) =>
  useQuery({ queryKey: k.themes(initiativeId), queryFn: () => api<Page<Theme>>('GET', `/initiatives/${enc(initiativeId)}/themes${query({ limit: 100 })}`), retry: false });

export const useThemeSuggestions = (initiativeId: string, enabled: boolean) =>
  useQuery({ queryKey: k.themeSuggestions(initiativeId), queryFn: () => api<ThemeSuggestions>('GET', `/initiatives/${enc(initiativeId)}/themes/suggestions`), enabled });

export function useCreateTheme(initiativeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { name: string; description?: string; contributionIds?: string[] }) => api<Theme>('POST', `/initiatives/${enc(initiativeId)}/themes`, input),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: k.themes(initiativeId) });
      void client.invalidateQueries({ queryKey: k.feeds(initiativeId) });
    },
  });
}

export function useSetTheme(contribution: Contribution) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (themeId: string | null) => api<Contribution>('PUT', `/contributions/${enc(contribution.id)}/theme`, { themeId }),
    onSuccess: (updated) => {
      client.setQueryData(k.one(updated.id), updated);
      refreshContribution(client, updated);
      void client.invalidateQueries({ queryKey: k.themes(contribution.initiativeId) });
    },
  });
}

/** Hosts rename a theme or change its description. */
export function useUpdateTheme(initiativeId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; description?: string }) => api<Theme>('PATCH', `/themes/${enc(id)}`, body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: k.themes(initiativeId) });
      // Cards and pages show the theme's name.
      void client.invalidateQueries({ queryKey: k.feeds(initiativeId) });
      void client.invalidateQueries({ queryKey: ['contribution'] });
    },
  });
}
