/**
 * Fictional places for the demo mirror, scattered around the kiosk with a seeded generator so
 * that every run (and every test) sees the same directory. Names say "démo" so that nobody
 * mistakes them for real services.
 */
import type { ApiCategoryNode } from '../categories/store-categories';

export interface DemoPlace {
  lieuId: number;
  name: string;
  latitude: number;
  longitude: number;
  address: string | null;
  postalCode: string;
  city: string;
  departmentCode: string;
  categories: string[];
}

export interface DemoArea {
  latitude: number;
  longitude: number;
  departmentCode: string;
  postalCode: string;
  city: string;
}

/** mulberry32: small, fast, good enough to scatter demo points reproducibly. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KIND_BY_ROOT: Record<string, string[]> = {
  welcome: ['Accueil de jour', 'Point information'],
  activities: ['Maison de quartier', 'Médiathèque solidaire'],
  food: ['Restaurant solidaire', 'Épicerie sociale', 'Distribution alimentaire'],
  counseling: ['Permanence juridique', 'Point d’accès au droit', 'Service social'],
  training_and_jobs: ['Atelier d’insertion', 'Cours de français'],
  accomodation_and_housing: ['Centre d’hébergement', 'Halte de nuit'],
  hygiene_and_wellness: ['Bains-douches', 'Laverie solidaire'],
  equipment: ['Vestiaire solidaire', 'Bagagerie'],
  health: ['Centre de santé', 'Permanence médicale'],
  technology: ['Espace numérique', 'Point recharge'],
  mobility: ['Garage solidaire', 'Atelier vélo'],
};

const STREETS = ['rue de l’Exemple', 'quai de la Démonstration', 'place du Modèle', 'avenue de l’Essai', 'impasse du Prototype'];

function leavesOf(node: ApiCategoryNode): string[] {
  return node.children.length === 0 ? [node.id] : node.children.flatMap(leavesOf);
}

export function generateDemoPlaces(roots: readonly ApiCategoryNode[], area: DemoArea, count: number, seed = 67): DemoPlace[] {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const places: DemoPlace[] = [];
  for (let index = 0; index < count; index++) {
    const root = roots[index % roots.length] as ApiCategoryNode;
    const leaves = leavesOf(root);
    const categories = [pick(leaves)];
    if (random() < 0.3) categories.push(pick(leaves));
    // Up to ~6 km around the kiosk; closer places are more frequent, as in a real city centre.
    const distanceKm = 6 * random() ** 1.5;
    const bearing = 2 * Math.PI * random();
    const latitude = area.latitude + (distanceKm / 111.32) * Math.cos(bearing);
    const longitude =
      area.longitude + (distanceKm / (111.32 * Math.cos((area.latitude * Math.PI) / 180))) * Math.sin(bearing);
    const onReferral = random() < 0.1; // "sur orientation": street address never shown (API.md §6 trap 7)
    places.push({
      lieuId: 900_000 + index,
      name: `${pick(KIND_BY_ROOT[root.id] ?? ['Lieu solidaire'])} (démo) n° ${index + 1}`,
      latitude: Math.round(latitude * 1e6) / 1e6,
      longitude: Math.round(longitude * 1e6) / 1e6,
      address: onReferral ? null : `${1 + Math.floor(random() * 120)} ${pick(STREETS)}`,
      postalCode: area.postalCode,
      city: area.city,
      departmentCode: area.departmentCode,
      categories: [...new Set(categories)],
    });
  }
  return places;
}
