import { lazy, Suspense } from 'react';

const loadMarkdown = () => import('./MarkdownView');
const MarkdownView = lazy(loadMarkdown);

/** Starts fetching the renderer while the page's data loads, so Markdown rarely shows unformatted first. */
export const preloadMarkdown = () => void loadMarkdown();

/** A vision or description written in Markdown, rendered safely; plain text until the renderer has loaded. */
export function SafeMarkdown({ children }: { children: string }) {
  return (
    <div className="markdown">
      <Suspense fallback={<p className="pre-line">{children}</p>}>
        <MarkdownView>{children}</MarkdownView>
      </Suspense>
    </div>
  );
}
