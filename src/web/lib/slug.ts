/** "Café Río Norte!" → "cafe-rio-norte": the address the server accepts (3–50, a–z, 0–9, dashes). */
export function slugify(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/g, '');
}

export const SLUG_PATTERN = /^[a-z0-9][a-z0-9-]*[a-z0-9]$/;
export const isValidSlug = (slug: string): boolean => slug.length >= 3 && slug.length <= 50 && SLUG_PATTERN.test(slug);
