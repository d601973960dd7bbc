/**
 * French passwords frequent in breaches yet missing from the English-centric common list of
 * @zxcvbn-ts/language-common (each checked absent from it). Lower case, without accents; words
 * followed or preceded by digits are caught by the stripping rule, so bases suffice.
 */
export const frenchCommonPasswords: readonly string[] = [
  // Keyboard rows of an AZERTY keyboard.
  'azertyuio', 'qsdf', 'qsdfghjklm', 'wxcv', 'azqswx',
  // Words for passwords, and this very site.
  'mdp', 'bienvenue', 'creneau', 'doctolib',
  // Terms of endearment and pet names.
  'doudou', 'doudoune', 'coucou', 'poupette', 'biquette', 'choupette', 'choupinette', 'chouchoute',
  'louloute', 'bichette', 'nenette', 'pitchoune', 'chouquette', 'fripouille', 'mapuce', 'mabiche',
  'monbebe', 'moncoeur', 'ptitcoeur', 'ptitloup', 'jetadore', 'jtm', 'bebe', 'titou', 'toutou',
  'boubou', 'mimi', 'toto', 'titi', 'minimoi', 'lolilol', 'bisounours',
  // Family.
  'mamie', 'papy', 'tonton', 'grandmere', 'mesenfants', 'mariage', 'copain', 'copine', 'amitie', 'bonheur',
  // Football, places, things.
  'allezlom', 'olympique', 'psg', 'lille', 'zizou', 'vivelafrance', 'licorne', 'framboise', 'tournesol',
  'printemps', 'ordinateur',
];
