/**
 * Street names as written on street signs. The public French router (IGN Géoplateforme, BD TOPO)
 * gives them in upper case, abbreviated and without accents or apostrophes ("AV DU GAL LECLERC",
 * "PL DE L EGLISE"); a kiosk screen or a printed ticket should say "avenue du Général Leclerc",
 * "place de l’Église". The rules:
 *
 * - Spaces are trimmed and collapsed; an empty name stays "". A name holding any lower-case letter
 *   (OpenStreetMap names from an OSRM server) is already written by people: returned as is.
 * - Way type: a first word (or words: "ZONE D ACTIVITES") that is a FANTOIR / BD TOPO abbreviation
 *   or full way type becomes the full word in lower case, the French convention ("rue de
 *   Tournon"). GAL is "galerie" there and "Général" anywhere else. Without a way type, the first
 *   word of the name is capitalised ("Le Clos des Lilas").
 * - Titles: ST Saint, STE Sainte, GAL/GEN Général, MAL Maréchal, PDT Président, DR Docteur,
 *   PR/PROF Professeur, CDT Commandant, LT Lieutenant, CNE/CPT Capitaine, MGR Monseigneur.
 *   PRES is "Prés" after DES/LES/AUX or as the last word ("rue des Prés"), "Président" otherwise
 *   ("avenue du Président Kennedy"). COL is "Col" before DE/DU/DES/D’ or as the last word ("route
 *   du Col de Vence"), "Colonel" otherwise ("rue du Colonel Fabien").
 * - Hyphens: Saint/Sainte are joined to the name that follows ("rue Saint-Denis"), as are the fixed
 *   compounds Notre-Dame, États-Unis, Champs-Élysées and Pays-Bas. No other hyphen is invented
 *   ("rue Jean Jaurès", "avenue du Général Leclerc"); existing ones are kept and each part is cased
 *   on its own ("Jean-Jaurès", "Boulogne-sur-Mer").
 * - Small words are lower case: de du des la le les et au aux sur sous en, and A as "à" when it is
 *   neither the first nor the last word ("ALL A" stays "allée A"). LE/LA/LES/L’ right after the way
 *   type are part of a surname or a house name and keep a capital ("rue La Boétie", "résidence Les
 *   Pins"); the first word of a name without way type is capitalised too.
 * - Elision: a lone L or D before a word, or L'/D' with a straight apostrophe, becomes l’/d’ with a
 *   typographic apostrophe glued to the next word ("rue d’Alésia", "de l’Arsenal").
 * - Accents are restored from the ACCENTED word list below (MARCHE is "Marché", PRE "Pré"); other
 *   words are capitalised: first letter upper case, the rest lower case.
 * - Roman numerals of two letters or more stay upper case ("Henri IV", "Louis XIV"), except the
 *   words DI, DIX, LI, MI, MIX and words of the accent list. One-letter words are kept as letters.
 * - Numbers stay as they are ("rue du 8 Mai 1945"); ordinals lose their upper case: 1ER "1er",
 *   1ERE "1re", 2E/2EME "2e".
 */

/** Full way type, then its abbreviations and spellings; several words are separated by spaces. */
const WAY_TYPES: ReadonlyArray<readonly [string, ...string[]]> = [
  ['rue', 'R', 'RUE'], ['avenue', 'AV', 'AVE', 'AVENUE'], ['boulevard', 'BD', 'BLD', 'BOULEVARD'],
  ['place', 'PL', 'PLACE'], ['chemin', 'CHE', 'CHEM', 'CHEMIN'], ['impasse', 'IMP', 'IMPASSE'],
  ['allée', 'ALL', 'ALLEE'], ['allées', 'ALLEES'], ['quai', 'QU', 'QUAI'], ['route', 'RTE', 'ROUTE'],
  ['square', 'SQ', 'SQUARE'], ['passage', 'PAS', 'PASS', 'PASSAGE'], ['cours', 'CRS', 'COURS'],
  ['esplanade', 'ESP', 'ESPLANADE'], ['promenade', 'PROM', 'PROMENADE'],
  ['faubourg', 'FG', 'FBG', 'FAUBOURG'], ['rond-point', 'RPT', 'ROND POINT'],
  ['sentier', 'SEN', 'SENT', 'SENTIER'], ['pont', 'PONT'], ['parvis', 'PRV', 'PARV', 'PARVIS'],
  ['cité', 'CITE'], ['villa', 'VLA', 'VILLA'], ['hameau', 'HAM', 'HAMEAU'],
  ['lotissement', 'LOT', 'LOTISSEMENT'], ['résidence', 'RES', 'RESIDENCE'],
  ['terrasse', 'TSSE', 'TER', 'TERRASSE'], ['montée', 'MTE', 'MONTEE'], ['grande rue', 'GR', 'GRANDE RUE'],
  ['carrefour', 'CAR', 'CARR', 'CARREFOUR'], ['quartier', 'QUA', 'QUAR', 'QUARTIER'],
  ['petite rue', 'PTR', 'PETITE RUE'], ['zone industrielle', 'ZI', 'ZONE INDUSTRIELLE'],
  ['zone d’activités', 'ZA', 'ZONE D ACTIVITES'], ['zone d’aménagement concerté', 'ZAC', 'ZONE D AMENAGEMENT CONCERTE'],
  ['zone artisanale', 'ZONE ARTISANALE'], ['zone commerciale', 'ZONE COMMERCIALE'],
  ['centre', 'CTRE', 'CENTRE'], ['domaine', 'DOM', 'DOMAINE'], ['voie', 'VOIE'], ['sente', 'SENTE'],
  ['traverse', 'TRA', 'TRAVERSE'], ['galerie', 'GAL', 'GALERIE'], ['port', 'PORT'], ['parc', 'PARC'],
  ['jardin', 'JARD', 'JARDIN'], ['clos', 'CLOS'], ['cour', 'COUR'], ['écart', 'ECA', 'ECART'],
  ['lieu-dit', 'LD', 'LIEU DIT'], ['corniche', 'COR', 'CORNICHE'], ['descente', 'DSC', 'DESCENTE'],
  ['rocade', 'ROC', 'ROCADE'], ['ruelle', 'RLE', 'RUELLE'], ['mail', 'MAIL'], ['anse', 'ANSE'],
];

const TITLES: Readonly<Record<string, string>> = {
  ST: 'Saint', STE: 'Sainte', GAL: 'Général', GEN: 'Général', MAL: 'Maréchal', PDT: 'Président',
  DR: 'Docteur', PR: 'Professeur', PROF: 'Professeur', CDT: 'Commandant', LT: 'Lieutenant',
  CNE: 'Capitaine', CPT: 'Capitaine', MGR: 'Monseigneur',
};

/** Words of street names that BD TOPO writes without their accents; the key is the word folded. */
const ACCENTED_WORDS = `
  Église Églises École Écoles Général Généraux Maréchal Président République Libération Résistance
  Hôpital Hôtel Château Châteaux Théâtre Lycée Collège Cimetière Musée Opéra Panthéon Odéon Préfecture
  Évêque Évêché Prieuré Béguinage Abbé Père Mère Frères Sœurs Cœur Héros Aérodrome Allée Allées Cité
  Montée Vallée Rivière Barrière Carrière Carrières Clairière Pépinière Plâtrière Arènes Marché Pré
  Côte Crête Forêt Chêne Chênes Frênes Hêtres Érables Genêts Pâquerettes Blé Île Écluse Étang Étangs
  Étoile Épine Âne Pêcheurs Métiers Médecin Sénateur Député Poète Académie Défense Espérance Égalité
  Fraternité Liberté États Élysées Élysée Armée Légion Déportés Fusillés Février Août Décembre
  Étienne Frédéric Hélène Rémy Amédée André Gérard Léon Jaurès Péguy Clément Désiré Émile Édouard
  Eugène Élisée Évariste Joséphine Valéry Geneviève Thérèse Agnès Jérôme César Régis René Héloïse
  Noël Joël Raphaël Félix Élie Éloi Irène Hervé Zoé Loïc Gaëtan Anaïs Médard Benoît Véronique Aimé
  Grégoire Molière Boétie Fénelon Chénier Ampère Blériot Sévigné Méhul Béranger Bérenger Réaumur
  Sébastopol Ménilmontant Trocadéro Alésia Célestins Orléans Genève Méditerranée Pyrénées Nîmes
  Béziers Sèvres Créteil Évreux Domrémy Léman Brésil Algérie Sénégal Égypte Amérique Ardèche Isère
  Rhône Saône Ariège Périgord Québec Cévennes Châlons`;

const fold = (text: string): string =>
  text.normalize('NFD').replace(/\p{M}/gu, '').replace(/Œ/g, 'OE').replace(/œ/g, 'oe').replace(/Æ/g, 'AE').replace(/æ/g, 'ae');

const keyOf = (text: string): string => fold(text).toUpperCase().replace(/[^A-Z0-9]/g, '');

const ACCENTED: Readonly<Record<string, string>> = Object.fromEntries(
  ACCENTED_WORDS.trim().split(/\s+/).map((word) => [keyOf(word), word]),
);

const WAY_TYPE_BY_KEY: ReadonlyMap<string, string> = new Map(
  WAY_TYPES.flatMap(([full, ...keys]) => keys.map((key) => [key, full] as const)),
);
const LONGEST_WAY_TYPE = Math.max(...WAY_TYPES.flatMap(([, ...keys]) => keys.map((key) => key.split(' ').length)));

const SMALL_WORDS = new Set(['DE', 'DU', 'DES', 'LA', 'LE', 'LES', 'ET', 'AU', 'AUX', 'SUR', 'SOUS', 'EN']);
const ARTICLES = new Set(['LE', 'LA', 'LES', 'L']);
/** Words that end with an apostrophe in French and stay lower case: l’, d’, qu’, jusqu’… */
const ELIDED = new Set(['L', 'D', 'QU', 'JUSQU', 'LORSQU', 'PUISQU']);
const COMPOUNDS = new Set(['NOTRE DAME', 'ETATS UNIS', 'CHAMPS ELYSEES', 'PAYS BAS']);
const ROMAN = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;
const NOT_ROMAN = new Set(['DI', 'DIX', 'LI', 'MI', 'MIX']);
const ORDINAL_SUFFIXES: Readonly<Record<string, string>> = { ER: 'er', ERE: 're', RE: 're', E: 'e', EME: 'e', IEME: 'e' };

/** A word or a part of a hyphenated word, with what separates it from the next one. */
interface Piece {
  raw: string;
  key: string;
  sep: '' | ' ' | '-' | '’';
}

function toPieces(text: string): Piece[] {
  const pieces: Piece[] = [];
  for (const word of text.split(' ')) {
    for (const run of word.match(/[^-'’‘`´]+|[-'’‘`´]+/g) ?? []) {
      const last = pieces[pieces.length - 1];
      if (/^[-'’‘`´]+$/.test(run)) {
        if (last !== undefined && last.sep === '') last.sep = run.includes('-') ? '-' : '’';
      } else {
        if (last !== undefined && last.sep === '') last.sep = ' ';
        pieces.push({ raw: run, key: keyOf(run), sep: '' });
      }
    }
    const last = pieces[pieces.length - 1];
    if (last !== undefined && last.sep === '') last.sep = ' ';
  }
  const last = pieces[pieces.length - 1];
  if (last !== undefined && last.sep !== '’') last.sep = '';
  return pieces;
}

/** The full way type and how many pieces it takes, longest match first. */
function wayType(pieces: readonly Piece[]): [string, number] | undefined {
  for (let length = Math.min(LONGEST_WAY_TYPE, pieces.length); length >= 1; length -= 1) {
    const words = pieces.slice(0, length);
    if (words.slice(0, -1).some((piece) => piece.sep === '-')) continue;
    if (words[length - 1]!.sep === '-' || words[length - 1]!.sep === '’') continue;
    const full = WAY_TYPE_BY_KEY.get(words.map((piece) => piece.key).join(' '));
    if (full !== undefined) return [full, length];
  }
  return undefined;
}

const capitalise = (word: string): string => {
  const lower = word.toLowerCase();
  return lower.charAt(0).toUpperCase() + lower.slice(1);
};

const startsWithLetter = (piece: Piece | undefined): boolean => piece !== undefined && /^[A-Z]/.test(piece.key);

interface Context {
  /** First word of a name that has no way type. */
  first: boolean;
  /** First word right after the way type. */
  afterType: boolean;
  /** First word of the whole name, way type included. */
  veryFirst: boolean;
  prev: Piece | undefined;
  next: Piece | undefined;
}

function formatWord(core: string, piece: Piece, context: Context): string {
  const { key } = piece;
  if (!/[A-Z]/.test(key)) return core;
  const digits = /^(\d+)([A-Z]+)$/.exec(key);
  if (digits !== null) return digits[1]! + (ORDINAL_SUFFIXES[digits[2]!] ?? digits[2]!);
  if (/\d/.test(key)) return core;
  const capital = context.first || (context.afterType && ARTICLES.has(key));
  if (piece.sep === '’' && ELIDED.has(key)) return capital ? capitalise(core) : core.toLowerCase();
  if (SMALL_WORDS.has(key)) return capital ? capitalise(core) : core.toLowerCase();
  if (key === 'A') return context.veryFirst || context.next === undefined ? 'A' : 'à';
  if (key === 'PRES') {
    const meadows = context.next === undefined || ['DES', 'LES', 'AUX'].includes(context.prev?.key ?? '');
    return meadows ? 'Prés' : 'Président';
  }
  if (key === 'COL') {
    const pass = context.next === undefined || ['DE', 'DU', 'DES', 'D'].includes(context.next.key);
    return pass ? 'Col' : 'Colonel';
  }
  const known = TITLES[key] ?? ACCENTED[key];
  if (known !== undefined) return known;
  if (key.length >= 2 && ROMAN.test(key) && !NOT_ROMAN.has(key)) return core.toUpperCase();
  return capitalise(core);
}

/** Formats one piece, keeping punctuation around its letters ("(NORD)" is "(Nord)"). */
function formatPiece(piece: Piece, context: Context): string {
  const [, lead = '', core = '', trail = ''] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/su.exec(piece.raw) ?? [];
  return lead + formatWord(core, piece, context) + trail;
}

export function formatStreetName(raw: string): string {
  const text = raw.normalize('NFC').replace(/\s+/g, ' ').trim();
  if (text === '' || /\p{Ll}/u.test(text)) return text;

  const pieces = toPieces(text);
  const type = wayType(pieces);
  const start = type === undefined ? 0 : type[1];

  for (let i = start; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const next = pieces[i + 1];
    if (piece.sep !== ' ' || next === undefined) continue;
    const saint = ['ST', 'STE', 'SAINT', 'SAINTE'].includes(piece.key);
    if (saint && startsWithLetter(next) && !SMALL_WORDS.has(next.key) && !ELIDED.has(next.key) && next.key !== 'A') {
      piece.sep = '-';
    } else if (COMPOUNDS.has(`${piece.key} ${next.key}`)) {
      piece.sep = '-';
    } else if ((piece.key === 'L' || piece.key === 'D') && startsWithLetter(next)) {
      piece.sep = '’';
    }
  }

  let name = '';
  for (let i = start; i < pieces.length; i += 1) {
    const piece = pieces[i]!;
    const context: Context = {
      first: type === undefined && i === 0,
      afterType: type !== undefined && i === start,
      veryFirst: i === 0,
      prev: pieces[i - 1],
      next: pieces[i + 1],
    };
    name += formatPiece(piece, context) + piece.sep;
  }
  if (type === undefined) return name;
  return name === '' ? type[0] : `${type[0]} ${name}`;
}
