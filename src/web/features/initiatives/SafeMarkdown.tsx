import { lazy, Suspense } from 'react';

const loadMarkdown = () => import('./MarkdownView');
const MarkdownView = lazy(loadMarkdown);

// Fetched in parallel with the app's first data, not on first use, so Markdown rarely shows unformatted.
void loadMarkdown();

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
