/**
 * Place names, street addresses and slugs that read like the Soliguide directory: association and
 * service names ("Accueil de jour La Halte", "Restos du Cœur — Centre de Schiltigheim"), never the
 * name of a person; streets are the most common French street names.
 */
import { text } from './flat-text';
import type { Random } from './random';

/** What a place of each theme is usually called. */
const KINDS_BY_ROOT: Readonly<Record<string, readonly string[]>> = {
  welcome: ['Accueil de jour', 'Point accueil solidarité', 'Espace solidarité insertion', 'Halte de jour'],
  activities: ['Maison de quartier', 'Centre socioculturel', 'Atelier partagé'],
  food: ['Épicerie sociale', 'Restaurant solidaire', 'Distribution alimentaire', 'Frigo solidaire', 'Épicerie solidaire'],
  counseling: ["Point d'accès au droit", 'Permanence sociale', 'Service de domiciliation', 'Maison France Services'],
  training_and_jobs: ["Atelier d'insertion", 'Chantier d’insertion', 'Atelier sociolinguistique', 'Mission locale'],
  accomodation_and_housing: ["Centre d'hébergement d'urgence", 'Halte de nuit', 'Pension de famille', 'Accueil de nuit'],
  hygiene_and_wellness: ['Bains-douches', 'Laverie solidaire', 'Espace hygiène', 'Salon de coiffure solidaire'],
  equipment: ['Vestiaire solidaire', 'Bagagerie', 'Boutique solidaire', 'Ressourcerie'],
  health: ['Centre de santé', 'Permanence d’accès aux soins', 'Centre de planification', 'Point santé'],
  technology: ['Espace numérique', 'Point numérique', 'Cyber-base solidaire'],
  mobility: ['Garage solidaire', 'Atelier vélo', 'Plateforme mobilité'],
};

/** National networks; only the local unit is made up. */
const NETWORKS_BY_ROOT: Readonly<Record<string, readonly string[]>> = {
  food: ['Restos du Cœur', 'Secours populaire', 'Banque alimentaire', 'Croix-Rouge française'],
  counseling: ['Secours catholique', 'Croix-Rouge française', 'CCAS'],
  equipment: ['Emmaüs', 'Croix-Rouge française', 'Secours populaire'],
  health: ['Médecins du Monde', 'Croix-Rouge française'],
  accomodation_and_housing: ['Armée du Salut', 'Croix-Rouge française'],
};

const UNITS = ['Centre', 'Antenne', 'Comité', 'Délégation locale', 'Permanence'];

const EVOCATIVE = [
  'La Halte', 'Le Relais', "L'Escale", 'La Passerelle', 'Le Phare', "L'Étape", 'La Boussole', 'Le Tremplin',
  "L'Oasis", 'La Main tendue', 'Le Pont', "L'Abri", 'La Source', "L'Îlot", 'La Clé', 'Horizon', 'Le Fil rouge',
  'Les Glaneurs', 'La Ruche', 'Le Chaudron', 'La Traverse', "L'Entraide", 'Le Rebond', "L'Envol", 'Le Lien',
];

const DISTRICTS = ['du centre-ville', 'de la gare', 'du quartier Nord', 'du quartier Est', 'des Tilleuls', 'des Lilas', 'du Moulin', 'du Marché'];

const STREETS = [
  'rue de la République', 'rue Gambetta', 'rue Jean Jaurès', 'rue Victor Hugo', 'avenue de la Gare', 'rue Pasteur',
  'place de la Mairie', "rue de l'Église", 'Grande Rue', 'boulevard Carnot', 'rue du Moulin', 'rue des Écoles',
  'rue de la Paix', 'rue du Général de Gaulle', 'rue Voltaire', 'avenue Jean Moulin', 'rue de Verdun',
  'rue du 8 Mai 1945', 'rue Nationale', 'rue du Marché', 'rue des Tilleuls', 'chemin des Vignes', 'rue de Paris',
  'rue du Stade', 'allée des Peupliers', 'rue Jules Ferry', 'quai de la Libération', 'rue des Jardins',
];

const ADDITIONAL_INFORMATION = [
  'Bâtiment B, 2e étage',
  'Entrée par la cour',
  'Rez-de-chaussée, porte de gauche',
  "Sonner à l'interphone « Accueil »",
  'Au fond du parking',
  'Local à côté de la salle paroissiale',
];

/** "de Strasbourg", "du Havre", "des Abymes", "d'Ajaccio". */
export function ofTown(town: string): string {
  if (town.startsWith('Le ')) return `du ${town.slice(3)}`;
  if (town.startsWith('Les ')) return `des ${town.slice(4)}`;
  if (/^[AEIOUÉÈÊÎÔÂ]/.test(town)) return `d'${town}`;
  return `de ${town}`;
}

export function placeName(root: string, town: string, random: Random): string {
  const kind = random.pick(KINDS_BY_ROOT[root] ?? ['Lieu solidaire']);
  const networks = NETWORKS_BY_ROOT[root];
  const template = random.int(0, networks ? 4 : 3);
  switch (template) {
    case 0:
      return text(kind, ' ', random.pick(EVOCATIVE));
    case 1:
      return text(kind, ' ', random.pick(DISTRICTS));
    case 2:
      return text(kind, ' ', ofTown(town));
    case 3:
      return text(random.pick(EVOCATIVE), ' — ', kind.toLowerCase());
    default: {
      const network = random.pick(networks ?? ['Secours populaire']);
      return network === 'CCAS' ? text("Centre communal d'action sociale ", ofTown(town)) : text(network, ' — ', random.pick(UNITS), ' ', ofTown(town));
    }
  }
}

/** Mobile services ("maraudes") are named after the vehicle or the team, not a building. */
const MOBILE_KINDS_BY_ROOT: Readonly<Record<string, readonly string[]>> = {
  food: ['Maraude alimentaire', 'Camion solidaire', 'Tournée repas chauds'],
  health: ['Bus santé', 'Équipe mobile de santé', 'Unité mobile de soins'],
  hygiene_and_wellness: ['Camion douches', 'Laverie mobile'],
  accomodation_and_housing: ['Maraude du SAMU social', 'Équipe mobile de veille sociale'],
};

export function itineraryName(root: string, town: string, random: Random): string {
  const kind = random.pick(MOBILE_KINDS_BY_ROOT[root] ?? ['Maraude', 'Équipe mobile', 'Bus solidaire']);
  return random.chance(0.5) ? text(kind, ' ', ofTown(town)) : text(kind, ' — ', random.pick(['tournée du soir', 'tournée du matin', 'secteur centre', 'secteur nord']));
}

export function streetAddress(random: Random): string {
  const number = random.int(1, 180);
  const suffix = random.chance(0.05) ? ' bis' : '';
  return text(number, suffix, ' ', random.pick(STREETS));
}

/** Usually empty: most places have no building/floor precision. */
export function additionalInformation(random: Random): string {
  return random.chance(0.2) ? random.pick(ADDITIONAL_INFORMATION) : '';
}

/** Lower-case ASCII for the accented letters of French (and the few others in town names). */
const FOLDED: Readonly<Record<string, string>> = (() => {
  const table: Record<string, string> = { œ: 'oe', Œ: 'oe', æ: 'ae', Æ: 'ae', ß: 'ss' };
  const groups: Record<string, string> = { a: 'àâäáãå', c: 'ç', e: 'éèêë', i: 'îïíì', n: 'ñ', o: 'ôöóòõ', u: 'ùûüú', y: 'ÿý' };
  for (const [ascii, accented] of Object.entries(groups)) {
    for (const letter of accented) {
      table[letter] = ascii;
      table[letter.toUpperCase()] = ascii;
    }
  }
  return table;
})();

/**
 * URL/position slug: "Île-de-France" → "ile-de-france". Parts are joined once at the end: `+=` per
 * character would leave a rope of one heap object per character in every stored string.
 */
export function slugify(text: string): string {
  const parts: string[] = [];
  let dash = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index) | 0x20; // ASCII letters to lower case
    let folded: string | undefined;
    if ((code >= 97 && code <= 122) || (code >= 48 && code <= 57 && text.charCodeAt(index) < 64)) folded = String.fromCharCode(code);
    else folded = FOLDED[text.charAt(index)];
    if (folded === undefined) {
      dash = parts.length > 0;
      continue;
    }
    if (dash) parts.push('-');
    parts.push(folded);
    dash = false;
  }
  return parts.join('');
}

/** Town, department and region names repeat on every place: slug each once (~600 names). */
const SLUG_CACHE = new Map<string, string>();

export function cachedSlug(name: string): string {
  let slug = SLUG_CACHE.get(name);
  if (slug === undefined) {
    slug = slugify(name);
    SLUG_CACHE.set(name, slug);
  }
  return slug;
}

const NAMED_ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

function isSlugChar(code: number): boolean {
  return (code >= 97 && code <= 122) || (code >= 48 && code <= 57);
}

/**
 * `slugs.infos` search text as Soliguide stores it: entities decoded, tags removed, lower case,
 * every character outside [a-z0-9] (accented letters included) turned into a space — hence
 * "pr venir" for "prévenir" in the fixtures. One pass: it runs on every description.
 */
export function searchSlug(html: string): string {
  const text = html.toLowerCase();
  const codes: number[] = [];
  let space = false;
  for (let index = 0; index < text.length; index++) {
    let code = text.charCodeAt(index);
    if (code === 60 /* < */) {
      const close = text.indexOf('>', index);
      if (close !== -1) {
        index = close;
        space = true;
        continue;
      }
    }
    if (code === 38 /* & */) {
      const end = text.indexOf(';', index);
      const entity = end === -1 ? '' : text.slice(index + 1, end);
      const decoded = entity.startsWith('#') ? String.fromCodePoint(Number(entity.slice(1))) : NAMED_ENTITIES[entity];
      if (decoded !== undefined && entity.length > 0) {
        index = end;
        code = decoded.toLowerCase().charCodeAt(0);
      }
    }
    if (isSlugChar(code)) {
      if (space && codes.length > 0) codes.push(32);
      codes.push(code);
      space = false;
    } else {
      space = true;
    }
  }
  // Built from char codes in one go: a flat string, not a rope of one object per character.
  return String.fromCharCode(...codes);
}
