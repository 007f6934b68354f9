import { Parser } from 'htmlparser2';

export const SAFE_TAGS = new Set(['p', 'br', 'strong', 'em', 'del', 's', 'code', 'pre', 'blockquote', 'ul', 'ol', 'li', 'a', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'hr', 'table', 'thead', 'tbody', 'tr', 'th', 'td']);
const SAFE_ATTRIBUTES = ['href', 'title', 'rel', 'start', 'align'];

/** Every element and attribute of an HTML fragment, as a browser's parser sees them. */
export function elementsOf(html: string): { name: string; attributes: Record<string, string> }[] {
  const found: { name: string; attributes: Record<string, string> }[] = [];
  const parser = new Parser({ onopentag: (name, attributes) => found.push({ name, attributes }) }, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
  parser.write(html);
  parser.end();
  return found;
}

/** The problems that would make rendered HTML unsafe: unknown elements, attributes or link schemes. */
export function unsafeParts(html: string): string[] {
  const problems: string[] = [];
  for (const element of elementsOf(html)) {
    if (!SAFE_TAGS.has(element.name)) problems.push(`<${element.name}>`);
    for (const [name, value] of Object.entries(element.attributes)) {
      if (!SAFE_ATTRIBUTES.includes(name)) problems.push(`${element.name}[${name}]`);
      if (name === 'href' && !/^(https?:|mailto:)/i.test(value.trim())) problems.push(`href=${value}`);
    }
  }
  return problems;
}
