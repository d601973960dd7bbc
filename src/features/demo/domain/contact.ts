/** How to reach a demo practice: phone numbers in international format (A1), street addresses, practice names. */
import { drawFrom, type Random } from './random.ts';

/**
 * Landline prefix (after +33) of each metropolitan département: 1 Île-de-France, 2 north-west, 3 north-east, 5 south-west,
 * else 4; each is followed by the block ARCEP reserves for fiction in that zone, so no real subscriber is ever called.
 */
const LANDLINE_ZONES: readonly (readonly [string, readonly string[]])[] = [
  ['1 99 00', ['75', '77', '78', '91', '92', '93', '94', '95']],
  ['2 61 91', ['14', '18', '22', '27', '28', '29', '35', '36', '37', '41', '44', '45', '49', '50', '53', '56', '61', '72', '76', '85']],
  ['3 53 01', ['02', '08', '10', '21', '25', '39', '51', '52', '54', '55', '57', '58', '59', '60', '62', '67', '68', '70', '71', '80',
    '88', '89', '90']],
  ['5 36 49', ['09', '12', '16', '17', '19', '23', '24', '31', '32', '33', '40', '46', '47', '64', '65', '79', '81', '82', '86', '87']],
];
/** The zone-4 (south-east, Corsica) fiction block, for every other département. */
const SOUTH_EAST_FICTION_BLOCK = '4 65 71';
/** The mobile block ARCEP reserves for fiction (06 39 98 xx xx). */
const MOBILE_FICTION_BLOCK = '6 39 98';
const blockOfDepartement = new Map<string, string>(LANDLINE_ZONES.flatMap(([block, codes]) => codes.map((code) => [code, block] as const)));

/** The number `+33` + a fiction block + four random digits (the blocks are written with spaces for reading). */
function fictionNumber(random: Random, block: string): string {
  return `+33${block.replaceAll(' ', '')}${String(random.int(0, 9_999)).padStart(4, '0')}`;
}

/** A landline of the département's zone, in ARCEP's fiction block: +33 1 99 00… in Paris, +33 4 65 71… in Lyon. */
export function landlineFor(random: Random, departement: string): string {
  return fictionNumber(random, blockOfDepartement.get(departement) ?? SOUTH_EAST_FICTION_BLOCK);
}

/** A mobile number in ARCEP's fiction block: +33 6 39 98…. */
export function mobileNumber(random: Random): string {
  return fictionNumber(random, MOBILE_FICTION_BLOCK);
}

/** Street names of every French town, the common ones weighted up. */
const STREETS: readonly (readonly [string, number])[] = [
  ['rue Victor Hugo', 10], ['avenue Jean Jaurès', 9], ['rue Pasteur', 9], ['place de la République', 6],
  ['rue de la Gare', 9], ['boulevard Gambetta', 6], ['rue du Général de Gaulle', 9], ['rue de l\'Église', 8],
  ['Grande Rue', 6], ['rue des Écoles', 6], ['rue du Moulin', 5], ['rue Jules Ferry', 7], ['avenue de la Libération', 6],
  ['rue Nationale', 5], ['rue de la Mairie', 5], ['rue Carnot', 6], ['rue Émile Zola', 6], ['boulevard Voltaire', 4],
  ['rue Jean Moulin', 7], ['avenue Foch', 4], ['rue de Verdun', 5], ['rue du 8 Mai 1945', 5], ['rue Anatole France', 5],
  ['avenue du Maréchal Leclerc', 5], ['rue de la Paix', 4], ['place du Marché', 4], ['rue des Lilas', 4],
  ['allée des Tilleuls', 3], ['chemin des Vignes', 3], ['rue du Stade', 4], ['rue de Paris', 5], ['rue Saint-Martin', 4],
  ['rue Alsace-Lorraine', 3], ['rue Gabriel Péri', 4], ['rue Louis Pasteur', 4], ['avenue de la Gare', 4],
  ['rue Pierre Curie', 4], ['rue Marie Curie', 4], ['boulevard de la Liberté', 3], ['rue du Château', 4],
  ['rue des Jardins', 4], ['rue du Commerce', 4], ['rue Principale', 4], ['rue de la Fontaine', 3], ['rue du Port', 2],
  ['quai des Chartrons', 1], ['cours Mirabeau', 1], ['route de Lyon', 2], ['avenue de Bretagne', 2],
  ['rue de Bretagne', 2], ['rue Clemenceau', 4], ['rue Aristide Briand', 4], ['rue Jean Jaurès', 6],
  ['avenue des Champs', 1], ['rue Lamartine', 3], ['rue Molière', 3], ['rue Racine', 2], ['rue de la Poste', 3],
  ['impasse des Peupliers', 2], ['rue du Four', 2], ['rue Saint-Jacques', 2], ['rue d\'Alésia', 1], ['avenue Thiers', 2],
  ['rue Lafayette', 3], ['rue Gustave Eiffel', 2], ['rue Condorcet', 2], ['place de l\'Hôtel de Ville', 3],
  ['rue des Acacias', 3], ['avenue du Président Wilson', 3], ['rue Paul Bert', 3], ['rue Danton', 2],
  ['rue de Strasbourg', 3], ['rue Edmond Rostand', 2], ['rue Georges Clemenceau', 3], ['rue Albert Camus', 2],
];

/** « 12 rue Victor Hugo »: numbers run higher in big towns; some « bis ». */
export function drawStreetAddress(random: Random, population: number): string {
  const street = drawFrom(random, STREETS);
  const highest = population > 50_000 ? 180 : population > 5_000 ? 90 : 40;
  const number = random.int(1, highest);
  const suffix = random.chance(0.05) ? ' bis' : '';
  return `${number}${suffix} ${street}`;
}

const PRACTICE_SUFFIXES = [
  'du Parc', 'des Lilas', 'Pasteur', 'Victor Hugo', 'de la Gare', 'du Centre', 'Saint-Michel', 'des Tilleuls',
  'Jean Jaurès', 'de la Mairie', 'des Arcades', 'du Marché', 'Saint-Jean', 'les Acacias', 'Clemenceau', 'du Lac',
  'des Sources', 'Lumière', 'Bellevue', 'des Remparts', 'du Château', 'Voltaire', 'Marie Curie', 'Hippocrate',
] as const;

/** A practice or establishment name (B1: patients search by it), or null for a plain office. */
export function drawPracticeName(random: Random, specialtyCode: string, communeName: string): string | null {
  if (!random.chance(0.3)) return null;
  const suffix = random.pick(PRACTICE_SUFFIXES);
  switch (specialtyCode) {
    case 'SM54':
      return drawFrom(random, [
        [`Cabinet médical ${suffix}`, 4], [`Maison de santé pluriprofessionnelle de ${communeName}`, 3],
        [`Centre médical ${suffix}`, 3], [`Pôle santé ${suffix}`, 1],
      ] as const);
    case 'G15_40':
      return random.chance(0.5) ? `Cabinet dentaire ${suffix}` : `Centre dentaire ${communeName}`;
    case 'G15_70':
      return `Cabinet de kinésithérapie ${suffix}`;
    case 'G15_60':
      return `Cabinet infirmier ${suffix}`;
    case 'G15_50':
      return `Cabinet de sages-femmes ${suffix}`;
    case 'SM43':
      return random.chance(0.6) ? `Centre d'imagerie médicale ${communeName}` : `Cabinet de radiologie ${suffix}`;
    case 'SM38':
      return random.chance(0.5) ? `Centre ophtalmologique ${suffix}` : `Cabinet d'ophtalmologie ${suffix}`;
    default:
      return drawFrom(random, [
        [`Centre médical ${suffix}`, 4], [`Clinique ${suffix}`, 2], [`Cabinet médical ${suffix}`, 3],
        [`Espace santé ${suffix}`, 1],
      ] as const);
  }
}
