import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { Initiative } from '../initiatives/types';
import { useInitiativeLive } from '../live/live';
import '../orgs/orgs.css';

/** The sections of an initiative: what it is about, what people contributed, the hosts' updates, and (for hosts) the unanswered queue and moderation. */
export function InitiativeTabs({ initiative }: { initiative: Initiative }) {
  const { t } = useTranslation();
  // Every page with these tabs stays current: new contributions, counts, statuses, phases.
  useInitiativeLive(initiative.id);
  // On a phone the tabs scroll sideways: bring the current one into view.
  const list = useRef<HTMLUListElement>(null);
  const { pathname } = useLocation();
  useEffect(() => {
    const ul = list.current;
    const current = ul?.querySelector<HTMLElement>('[aria-current="page"]');
    if (!ul || !current || ul.scrollWidth <= ul.clientWidth) return;
    ul.scrollLeft = current.offsetLeft - ul.offsetLeft - (ul.clientWidth - current.offsetWidth) / 2;
  }, [pathname]);
  if (initiative.status === 'draft') return null;
  const base = `/initiatives/${initiative.id}`;
  const host = initiative.me.canEdit || initiative.me.steward;
  const tabs = [
    { to: base, label: t('contributions.tabs.about'), end: true, show: true },
    { to: `${base}/contributions`, label: t('contributions.tabs.contributions'), end: true, show: true },
    { to: `${base}/updates`, label: t('responses.updates.tab'), end: true, show: true },
    { to: `${base}/unanswered`, label: t('responses.unanswered.tab'), end: true, show: host },
    { to: `${base}/moderation`, label: t('contributions.tabs.moderation'), end: true, show: host },
  ].filter((tab) => tab.show);
  return (
    <nav aria-label={t('contributions.tabs.label')}>
      <ul className="org-tabs" ref={list}>
        {tabs.map((tab) => (
          <li key={tab.to}>
            <NavLink to={tab.to} end={tab.end}>
              {tab.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
