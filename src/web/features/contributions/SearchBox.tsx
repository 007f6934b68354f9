import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../components/Button';

/** Search the initiative's contributions and comments; the words go into the address. */
export function SearchBox({ value, onSearch }: { value: string; onSearch: (value: string) => void }) {
  const { t } = useTranslation();
  return <SearchForm key={value} initial={value} onSearch={onSearch} label={t('contributions.search.label')} placeholder={t('contributions.search.placeholder')} submit={t('contributions.search.submit')} />;
}

function SearchForm({ initial, onSearch, label, placeholder, submit }: { initial: string; onSearch: (value: string) => void; label: string; placeholder: string; submit: string }) {
  const [text, setText] = useState(initial);
  const go = (e: FormEvent) => {
    e.preventDefault();
    onSearch(text.trim());
  };
  return (
    <form role="search" className="search-box" onSubmit={go} aria-label={label}>
      <label htmlFor="feed-search" className="visually-hidden">
        {label}
      </label>
      <input id="feed-search" className="input" type="search" value={text} placeholder={placeholder} onChange={(e) => setText(e.target.value)} maxLength={200} />
      <Button type="submit" variant="secondary">
        {submit}
      </Button>
    </form>
  );
}
