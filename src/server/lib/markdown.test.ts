import { describe, expect, it } from 'vitest';
import { XSS_PAYLOADS } from '../../../test/fixtures/xss-payloads.js';
import { unsafeParts } from '../../../test/support/html.js';
import { renderMarkdown } from './markdown.js';

describe('participant Markdown', () => {
  it('renders formatting and safe links', () => {
    expect(renderMarkdown('**bold** and [a link](https://example.org)')).toBe('<p><strong>bold</strong> and <a href="https://example.org" rel="nofollow noopener noreferrer ugc">a link</a></p>\n');
    expect(renderMarkdown('- one\n- two')).toContain('<li>one</li>');
    expect(renderMarkdown('mail [me](mailto:a@example.org)')).toContain('href="mailto:a@example.org"');
  });

  it('finds unsafe HTML when there is some (the check itself works)', () => {
    expect(unsafeParts('<p onclick="x"><a href="javascript:x">y</a><script></script></p>')).toEqual(['p[onclick]', 'href=javascript:x', '<script>']);
  });

  for (const payload of XSS_PAYLOADS) {
    it(`renders inert: ${payload.slice(0, 60)}`, () => {
      expect(unsafeParts(renderMarkdown(payload))).toEqual([]);
    });
  }
});
