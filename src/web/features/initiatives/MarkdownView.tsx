import Markdown from 'react-markdown';

/** Only web, mail and in-site links; anything else (javascript:, data:) is dropped. */
const safeUrl = (url: string) => (/^(https?:|mailto:|\/|#)/i.test(url) ? url : '');

/** Markdown without raw HTML: HTML in the source is skipped, never run. Loaded on demand (see SafeMarkdown). */
export default function MarkdownView({ children }: { children: string }) {
  return (
    <Markdown skipHtml urlTransform={safeUrl}>
      {children}
    </Markdown>
  );
}
