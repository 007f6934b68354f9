import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './PageLayout.css';

interface PageLayoutProps {
  header: ReactNode;
  footer?: ReactNode;
  children: ReactNode;
}

/** The frame of every page: skip link, site header, the main landmark and a footer. */
export function PageLayout({ header, footer, children }: PageLayoutProps) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('nav.skip')}
      </a>
      <header className="site-header">
        <div className="site-header-inner">{header}</div>
      </header>
      <main id="main" className="site-main" tabIndex={-1}>
        {children}
      </main>
      {footer && <footer className="site-footer">{footer}</footer>}
    </div>
  );
}

interface PageHeaderProps {
  title: ReactNode;
  lead?: ReactNode;
  /** Above the title: a back link or the organisation's name. */
  eyebrow?: ReactNode;
  actions?: ReactNode;
}

/** The top of a page: its one h1, a line of context and the page's main actions. */
export function PageHeader({ title, lead, eyebrow, actions }: PageHeaderProps) {
  return (
    <div className="page-header">
      <div className="page-header-text">
        {eyebrow && <div className="page-eyebrow">{eyebrow}</div>}
        <h1 tabIndex={-1}>{title}</h1>
        {lead && <div className="page-lead">{lead}</div>}
      </div>
      {actions && <div className="page-actions">{actions}</div>}
    </div>
  );
}

export function Section({ title, actions, children, id }: { title: ReactNode; actions?: ReactNode; children: ReactNode; id?: string }) {
  const headingId = id ? `${id}-title` : undefined;
  return (
    <section className="section" aria-labelledby={headingId}>
      <div className="section-header">
        <h2 id={headingId}>{title}</h2>
        {actions && <div className="section-actions">{actions}</div>}
      </div>
      {children}
    </section>
  );
}
