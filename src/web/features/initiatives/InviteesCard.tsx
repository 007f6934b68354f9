import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Alert } from '../../components/Alert';
import { Button } from '../../components/Button';
import { Select } from '../../components/Select';
import { useToast } from '../../components/Toast';
import { api } from '../../lib/api';
import { errorMessage } from '../../lib/errors';
import { initiativeKeys as k } from '../../lib/queryKeys';
import { useMembers } from '../members/api';
import type { InviteeList } from '../../../server/modules/initiatives/invitees.js';
import type { Initiative } from './types';

const base = (id: string) => `/initiatives/${encodeURIComponent(id)}/invitees`;

/** Who may see and take part in an invite-only initiative: members of the organisation the hosts chose. */
export function InviteesCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const toast = useToast();
  const client = useQueryClient();
  const invitees = useQuery({ queryKey: k.invitees(initiative.id), queryFn: () => api<InviteeList>('GET', base(initiative.id)) });
  const members = useMembers(initiative.org.slug);
  const [userId, setUserId] = useState('');
  const onSuccess = (list: InviteeList | undefined) => {
    if (list) client.setQueryData(k.invitees(initiative.id), list);
    else void client.invalidateQueries({ queryKey: k.invitees(initiative.id) });
  };
  const add = useMutation({ mutationFn: (id: string) => api<InviteeList>('POST', base(initiative.id), { userId: id }), onSuccess });
  const remove = useMutation({ mutationFn: (id: string) => api<undefined>('DELETE', `${base(initiative.id)}/${encodeURIComponent(id)}`), onSuccess: () => onSuccess(undefined) });
  const invited = new Set(invitees.data?.items.map((i) => i.id));
  const candidates = (members.data?.pages.flatMap((p) => p.items) ?? []).filter((m) => !invited.has(m.userId) && !initiative.stewards.some((s) => s.id === m.userId));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const member = candidates.find((m) => m.userId === userId);
    if (!member) return;
    add.mutate(member.userId, {
      onSuccess: (list) => {
        onSuccess(list);
        setUserId('');
        toast.show(t('initiatives.invitees.added', { name: member.name }));
      },
    });
  };
  const error = add.error ?? remove.error;
  return (
    <section className="card side-card" aria-labelledby="invitees-title">
      <h2 id="invitees-title">{t('initiatives.invitees.title')}</h2>
      <p className="muted">{t('initiatives.invitees.lead')}</p>
      {error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
      {invitees.data && invitees.data.items.length === 0 && <p>{t('initiatives.invitees.none')}</p>}
      <ul className="invitee-list">
        {invitees.data?.items.map((person) => (
          <li key={person.id}>
            <span>{person.name}</span>
            <Button variant="ghost" size="sm" loading={remove.isPending && remove.variables === person.id} onClick={() => remove.mutate(person.id)} aria-label={t('initiatives.invitees.remove', { name: person.name })}>
              {t('initiatives.invitees.withdraw')}
            </Button>
          </li>
        ))}
      </ul>
      {candidates.length > 0 && (
        <form onSubmit={submit} className="invitee-form">
          <Select
            label={t('initiatives.invitees.member')}
            value={userId}
            options={[{ value: '', label: t('initiatives.invitees.choose') }, ...candidates.map((m) => ({ value: m.userId, label: m.name }))]}
            onChange={setUserId}
          />
          <Button type="submit" variant="secondary" disabled={userId === ''} loading={add.isPending}>
            {t('initiatives.invitees.add')}
          </Button>
        </form>
      )}
    </section>
  );
}
