/** How place names are compared when joining the commune register with the GeoNames gazetteer. */

const ARTICLE = /^(le|la|les|l) /;

/** Lower-case, accent-free, punctuation-free form of a place name, with « St »/« Ste » spelt out. */
export function normalisePlaceName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/œ/g, 'oe')
    .replace(/æ/g, 'ae')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .map((word) => (word === 'st' ? 'saint' : word === 'ste' ? 'sainte' : word))
    .join(' ');
}

/** The normalised name without its leading article (« Les Abymes » and « Abymes » compare equal). */
export function withoutArticle(normalisedName: string): string {
  return normalisedName.replace(ARTICLE, '');
}

/** A name is only meaningful within its département: homonyms abound across France. */
export function placeKey(normalisedName: string, departement: string): string {
  return `${departement}|${normalisedName}`;
}
