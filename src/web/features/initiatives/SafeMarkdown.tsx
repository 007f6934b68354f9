import { lazy, Suspense } from 'react';

const MarkdownView = lazy(() => import('./MarkdownView'));

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
