import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, currentLanguage, setLanguage } from '../i18n';
import './Header.css';

/** Each language is named in itself, so anyone can find their own. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const id = useId();
  const value = i18n.resolvedLanguage ? currentLanguage() : 'en';
  return (
    <div className="language-switcher">
      <label htmlFor={id} className="visually-hidden">
        {t('nav.language')}
      </label>
      <svg className="language-icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="1.8" />
        <path d="M3 12h18M12 3c3 3.5 3 14.5 0 18M12 3c-3 3.5-3 14.5 0 18" fill="none" stroke="currentColor" strokeWidth="1.8" />
      </svg>
      <select
        id={id}
        className="language-select"
        value={value}
        onChange={(event) => {
          const found = LANGUAGES.find((l) => l.code === event.target.value);
          if (found) setLanguage(found.code);
        }}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.label}
          </option>
        ))}
      </select>
    </div>
  );
}
