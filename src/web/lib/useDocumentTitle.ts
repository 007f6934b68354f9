import { useEffect } from 'react';

/** "Members · Acme Outdoor · Moebius": the first thing a screen reader says on a new page. */
export function useDocumentTitle(...parts: (string | null | undefined)[]): void {
  const title = [...parts.filter((p): p is string => Boolean(p)), 'Moebius'].join(' · ');
  useEffect(() => {
    document.title = title;
  }, [title]);
}
