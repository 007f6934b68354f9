import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, query, type Page } from '../../lib/api';
import { initiativeKeys as k } from '../../lib/queryKeys';
import type { HistoryItem, Initiative, InitiativeSummary, Need, Participation, PhaseInput, SharedAsset, StyleMap, Terms, TermsState } from './types';

const enc = encodeURIComponent;

export const useInitiatives = (slug: string) =>
  useQuery({ queryKey: k.list(slug), queryFn: () => api<Page<InitiativeSummary>>('GET', `/orgs/${enc(slug)}/initiatives${query({ limit: 100 })}`) });
export const useStyleMap = (slug: string) => useQuery({ queryKey: k.styleMap(slug), queryFn: () => api<StyleMap>('GET', `/orgs/${enc(slug)}/style-map`) });
export const useInitiative = (id: string) => useQuery({ queryKey: k.one(id), queryFn: () => api<Initiative>('GET', `/initiatives/${enc(id)}`), enabled: id !== '' });
export const useTerms = (id: string) => useQuery({ queryKey: k.terms(id), queryFn: () => api<TermsState>('GET', `/initiatives/${enc(id)}/terms`), enabled: id !== '' });
export const useTermsVersions = (id: string, enabled = true) =>
  useQuery({ queryKey: k.versions(id), queryFn: () => api<{ items: HistoryItem[] }>('GET', `/initiatives/${enc(id)}/terms/versions`), enabled });
export const useParticipation = (id: string, enabled = true) =>
  useQuery({ queryKey: k.participation(id), queryFn: () => api<Participation>('GET', `/initiatives/${enc(id)}/participation`), enabled });
export const useNeeds = (id: string) => useQuery({ queryKey: k.needs(id), queryFn: () => api<Page<Need>>('GET', `/initiatives/${enc(id)}/needs${query({ limit: 100 })}`) });
export const useAssets = (id: string) => useQuery({ queryKey: k.assets(id), queryFn: () => api<Page<SharedAsset>>('GET', `/initiatives/${enc(id)}/assets${query({ limit: 100 })}`) });

/** Refreshes everything a change to one initiative can affect. */
function useRefresh() {
  const client = useQueryClient();
  return (initiative: { id: string; org: { slug: string } } | string, slug?: string) => {
    const id = typeof initiative === 'string' ? initiative : initiative.id;
    const orgSlug = typeof initiative === 'string' ? slug : initiative.org.slug;
    void client.invalidateQueries({ queryKey: ['initiative', id] });
    if (orgSlug) void client.invalidateQueries({ queryKey: ['org', orgSlug] });
  };
}

export type InitiativeFields = Pick<Initiative, 'title' | 'summary' | 'vision' | 'goals' | 'object' | 'reach' | 'locus' | 'adaptability' | 'audience' | 'visibility'>;

export function useCreateInitiative(slug: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: InitiativeFields & { slug: string }) => api<Initiative>('POST', `/orgs/${enc(slug)}/initiatives`, input),
    onSuccess: (initiative) => refresh(initiative),
  });
}

export function useUpdateInitiative(id: string) {
  const client = useQueryClient();
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: Partial<InitiativeFields>) => api<Initiative>('PATCH', `/initiatives/${enc(id)}`, input),
    onSuccess: (initiative) => {
      client.setQueryData(k.one(id), initiative);
      refresh(initiative);
    },
  });
}

export function useSavePhases(id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (phases: PhaseInput[]) => api<Initiative>('PUT', `/initiatives/${enc(id)}/phases`, { phases }),
    onSuccess: (initiative) => client.setQueryData(k.one(id), initiative),
  });
}

export function useSaveTerms(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (terms: Terms) => api<unknown>('PUT', `/initiatives/${enc(id)}/terms`, terms), onSuccess: () => refresh(id) });
}

export function useAmendTerms(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { terms: Terms; reason: string }) => api<unknown>('POST', `/initiatives/${enc(id)}/terms/amendments`, input),
    onSuccess: () => refresh(id),
  });
}

export function useAcceptTerms(id: string) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: (version: number) => api<unknown>('POST', `/initiatives/${enc(id)}/terms/accept`, { version }), onSuccess: () => refresh(id) });
}

export type Transition = 'launch' | 'close' | 'archive';

export function useTransition(initiative: Initiative) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (action: Transition) => api<Initiative>('POST', `/initiatives/${enc(initiative.id)}/${action}`),
    onSuccess: () => refresh(initiative),
  });
}

export function useAdvancePhase(initiative: Initiative) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (phaseId: string) => api<Initiative>('POST', `/initiatives/${enc(initiative.id)}/phases/current`, { phaseId }),
    onSuccess: () => refresh(initiative),
  });
}

export function useDiscard(initiative: Initiative) {
  const refresh = useRefresh();
  return useMutation({ mutationFn: () => api<null>('DELETE', `/initiatives/${enc(initiative.id)}`), onSuccess: () => refresh(initiative) });
}

export function useCreateNeed(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: { title: string; problem: string; context?: string; tried?: string; constraints?: string }) => api<Need>('POST', `/initiatives/${enc(id)}/needs`, input),
    onSuccess: () => refresh(id),
  });
}

export interface AssetInput {
  title: string;
  description: string;
  access: SharedAsset['access'];
  /** Either a link or a file. */
  url: string;
  file: File | null;
}

/** Shares a link as JSON, or uploads a file as multipart/form-data. */
export function useCreateAsset(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, url, ...fields }: AssetInput) => {
      if (file === null) return api<SharedAsset>('POST', `/initiatives/${enc(id)}/assets`, { ...fields, url });
      const form = new FormData();
      for (const [key, value] of Object.entries(fields)) form.append(key, value);
      form.append('file', file, file.name);
      return api<SharedAsset>('POST', `/initiatives/${enc(id)}/assets/files`, form);
    },
    onSuccess: () => refresh(id),
  });
}
