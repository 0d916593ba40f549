/**
 * Street names from the IGN router (BD TOPO: upper case, abbreviated, no accents) as written on
 * street signs. Expected texts are written here by hand from the rules in street-names.ts.
 */
import { describe, expect, it } from 'vitest';
import { formatStreetName } from '../../common/geo/street-names';

const cases: ReadonlyArray<readonly [string, string]> = [
  // Nothing to say
  ['', ''],
  ['   ', ''],
  // Way types, in lower case, and spacing
  ['R DE TOURNON', 'rue de Tournon'],
  ['  R  DE   TOURNON ', 'rue de Tournon'],
  ['BD ST MICHEL', 'boulevard Saint-Michel'],
  ['AV DU GAL LECLERC', 'avenue du Général Leclerc'],
  ['CHE DU MOULIN', 'chemin du Moulin'],
  ['IMP DES LILAS', 'impasse des Lilas'],
  ['ALL DES PINS', 'allée des Pins'],
  ['QUAI DE LA TOURNELLE', 'quai de la Tournelle'],
  ['FG ST ANTOINE', 'faubourg Saint-Antoine'],
  ['RPT DE L EUROPE', 'rond-point de l’Europe'],
  ['GR', 'grande rue'],
  ['ZA DU BOIS', 'zone d’activités du Bois'],
  ['GAL DE LA REINE', 'galerie de la Reine'],
  ['RUE DE RIVOLI', 'rue de Rivoli'],
  ['LD LES GRANGES', 'lieu-dit Les Granges'],
  ['ALL A', 'allée A'],
  // No way type: the first word keeps its capital
  ['LE CLOS DES LILAS', 'Le Clos des Lilas'],
  ['L EGLISE', 'L’Église'],
  // Elision
  ['PL DE L EGLISE', 'place de l’Église'],
  ['R D ALESIA', 'rue d’Alésia'],
  ['R DE L ARSENAL', 'rue de l’Arsenal'],
  ["PL DE L'EGLISE", 'place de l’Église'],
  ["R D'ORLEANS", 'rue d’Orléans'],
  ['R DE L ABBE GREGOIRE', 'rue de l’Abbé Grégoire'],
  // Titles and saints
  ['AV DU PDT WILSON', 'avenue du Président Wilson'],
  ['AV DU PRES KENNEDY', 'avenue du Président Kennedy'],
  ['CHE DES PRES', 'chemin des Prés'],
  ['R DU DR ROUX', 'rue du Docteur Roux'],
  ['BD DU MAL FOCH', 'boulevard du Maréchal Foch'],
  ['R DU CDT MOUCHOTTE', 'rue du Commandant Mouchotte'],
  ['PL DU COL FABIEN', 'place du Colonel Fabien'],
  ['RTE DU COL DE VENCE', 'route du Col de Vence'],
  ['R DU PR CALMETTE', 'rue du Professeur Calmette'],
  ['R MGR GIBIER', 'rue Monseigneur Gibier'],
  ['R ST DENIS', 'rue Saint-Denis'],
  ['PL STE OPPORTUNE', 'place Sainte-Opportune'],
  ['BD ST-GERMAIN', 'boulevard Saint-Germain'],
  ['R NOTRE DAME DES CHAMPS', 'rue Notre-Dame des Champs'],
  ['R DES ETATS UNIS', 'rue des États-Unis'],
  ['AV DES CHAMPS ELYSEES', 'avenue des Champs-Élysées'],
  // Names: no invented hyphen, existing ones kept
  ['R JEAN JAURES', 'rue Jean Jaurès'],
  ['AV JEAN-JAURES', 'avenue Jean-Jaurès'],
  ['R DE BOULOGNE-SUR-MER', 'rue de Boulogne-sur-Mer'],
  ['R LA BOETIE', 'rue La Boétie'],
  ['PL DE LA REPUBLIQUE', 'place de la République'],
  ['R DE LA LIBERATION', 'rue de la Libération'],
  ['PL DU MARCHE', 'place du Marché'],
  ['R DES SOEURS', 'rue des Sœurs'],
  ['R DES ARTS ET METIERS', 'rue des Arts et Métiers'],
  ['R AUX OURS', 'rue aux Ours'],
  ['CHE DE LA CROIX A L ANE', 'chemin de la Croix à l’Âne'],
  // Roman numerals, dates and ordinals
  ['BD HENRI IV', 'boulevard Henri IV'],
  ['PL LOUIS XIV', 'place Louis XIV'],
  ['R DES DIX ARPENTS', 'rue des Dix Arpents'],
  ['R DU 8 MAI 1945', 'rue du 8 Mai 1945'],
  ['AV DU 11 NOVEMBRE 1918', 'avenue du 11 Novembre 1918'],
  ['R DU 1ER MAI', 'rue du 1er Mai'],
  ['R DU 4 AOUT 1789', 'rue du 4 Août 1789'],
  // Already written by people: unchanged apart from spaces
  ['Rue de Tournon', 'Rue de Tournon'],
  ["Place de l'Église", "Place de l'Église"],
  ['  Avenue   des  Champs-Élysées ', 'Avenue des Champs-Élysées'],
];

describe('street names from the IGN router', () => {
  it.each(cases)('%j is %j', (raw, expected) => {
    expect(formatStreetName(raw)).toBe(expected);
  });
});
