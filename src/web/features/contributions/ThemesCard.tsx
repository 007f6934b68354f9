import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Button } from '../../components/Button';
import { useToast } from '../../components/Toast';
import { errorMessage } from '../../lib/errors';
import type { Initiative } from '../initiatives/types';
import { ThemeDialog } from './ThemeDialog';
import { useCreateTheme, useThemeSuggestions, useThemes, type Theme, type ThemeSuggestion } from './themes-api';

/** The initiative's themes as filters for everyone; for hosts, groupings the platform suggests, one click to make a theme. */
export function ThemesCard({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  const host = initiative.me.canEdit || initiative.me.steward;
  const themes = useThemes(initiative.id);
  const [suggest, setSuggest] = useState(false);
  const [editing, setEditing] = useState<Theme | null>(null);
  const list = themes.data?.items ?? [];
  if (list.length === 0 && !host) return null;
  return (
    <section className={host ? 'card side-card' : 'card side-card themes-card-plain'} aria-labelledby="themes-title">
      <h2 id="themes-title">{t('contributions.themes.title')}</h2>
      {list.length > 0 ? (
        <ul className="theme-list">
          {list.map((theme) => (
            <li key={theme.id}>
              <span>
                <Link to={`?theme=${encodeURIComponent(theme.id)}`}>{theme.name}</Link> <span className="muted">({theme.contributionCount})</span>
              </span>
              {host && initiative.status !== 'archived' && (
                <Button variant="ghost" size="sm" onClick={() => setEditing(theme)} aria-label={t('contributions.themes.editFor', { name: theme.name })}>
                  {t('contributions.themes.edit')}
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">{t('contributions.themes.empty')}</p>
      )}
      {host && initiative.status !== 'archived' && (
        <div className="theme-suggest">
          {suggest ? (
            <Suggestions initiativeId={initiative.id} />
          ) : (
            <Button variant="secondary" size="sm" onClick={() => setSuggest(true)}>
              {t('contributions.themes.suggest')}
            </Button>
          )}
        </div>
      )}
      <ThemeDialog initiativeId={initiative.id} theme={editing} onClose={() => setEditing(null)} />
    </section>
  );
}

function Suggestions({ initiativeId }: { initiativeId: string }) {
  const { t } = useTranslation();
  const suggestions = useThemeSuggestions(initiativeId, true);
  if (suggestions.isPending) return <p className="muted">{t('common.loading')}</p>;
  if (suggestions.isError) return <p className="muted">{errorMessage(t, suggestions.error)}</p>;
  if (suggestions.data.items.length === 0) return <p className="muted">{t('contributions.themes.noSuggestions', { count: suggestions.data.considered })}</p>;
  return (
    <>
      <h3 className="theme-suggest-title">{t('contributions.themes.suggested')}</h3>
      <ul className="theme-suggestions">
        {suggestions.data.items.map((s) => (
          <SuggestionItem key={s.contributions.map((c) => c.id).join()} initiativeId={initiativeId} suggestion={s} />
        ))}
      </ul>
    </>
  );
}

function SuggestionItem({ initiativeId, suggestion }: { initiativeId: string; suggestion: ThemeSuggestion }) {
  const { t } = useTranslation();
  const toast = useToast();
  const create = useCreateTheme(initiativeId);
  const [done, setDone] = useState(false);
  return (
    <li>
      <p className="theme-suggestion-name">{suggestion.name}</p>
      <ul className="ref-list">
        {suggestion.contributions.map((c) => (
          <li key={c.id}>
            <Link to={`/contributions/${c.id}`}>{c.title}</Link>
          </li>
        ))}
      </ul>
      {done ? (
        <p className="muted">{t('contributions.themes.made')}</p>
      ) : (
        <Button
          variant="secondary"
          size="sm"
          loading={create.isPending}
          onClick={() =>
            create.mutate(
              { name: suggestion.name, contributionIds: suggestion.contributions.map((c) => c.id) },
              {
                onSuccess: (theme) => {
                  setDone(true);
                  toast.show(t('contributions.themes.createdMany', { name: theme.name, count: suggestion.contributions.length }));
                },
                onError: (error) => toast.show(errorMessage(t, error), 'error'),
              },
            )
          }
        >
          {t('contributions.themes.make', { name: suggestion.name })}
        </Button>
      )}
    </li>
  );
}
