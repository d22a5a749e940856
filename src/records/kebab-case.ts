/** "Stichting Jong & Oud" → "stichting-jong-en-oud"; accents dropped, at most 60 characters. */
export function kebabCase(naam: string, fallback: string): string {
  const slug = naam
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+/, '')
    .slice(0, 60)
    .replace(/-+$/, '');
  return slug || fallback;
}
