/**
 * Who is welcome (publics) and on which conditions (modalities), API.md §2.6. Services copy the
 * place values unless `differentPublics`/`differentModalities` (§6 trap 13).
 */
import type { Random } from './random';
import type { AdministrativePublic, FamilyPublic, GenderPublic, OtherPublic, StoredModalities, StoredPublics } from './stored-place';

const GENDERS: readonly GenderPublic[] = ['men', 'women'];
const ADMINISTRATIVE: readonly AdministrativePublic[] = ['regular', 'asylum', 'refugee', 'undocumented'];
const FAMILY: readonly FamilyPublic[] = ['isolated', 'family', 'couple', 'pregnant'];
const OTHER: readonly OtherPublic[] = ['violence', 'addiction', 'handicap', 'lgbt', 'hiv', 'prostitution', 'prison', 'student', 'mentalHealth'];

/** Specialised audiences: [description, changes to the "everyone" default]. */
const AUDIENCES: readonly [string, Partial<Pick<StoredPublics, 'gender' | 'familialle' | 'other' | 'age' | 'administrative'>>][] = [
  ['Femmes seules ou avec enfants', { gender: ['women'], familialle: ['isolated', 'family', 'pregnant'] }],
  ['Jeunes de 18 à 25 ans', { age: { min: 18, max: 25 } }],
  ['Familles avec enfants', { familialle: ['family', 'pregnant'] }],
  ['Demandeurs d’asile et réfugiés', { administrative: ['asylum', 'refugee'] }],
  ['Personnes sortant de prison', { other: ['prison'] }],
  ['Personnes en situation de handicap', { other: ['handicap'] }],
  ['Hommes isolés', { gender: ['men'], familialle: ['isolated'] }],
  ['Étudiants', { other: ['student'], age: { min: 16, max: 30 } }],
];

/** Empty text as the record's era stores it: "" (old editor) or null (newer writes). */
export type EmptyText = '' | null;

export function generatePublics(random: Random, empty: EmptyText): StoredPublics {
  const publics: StoredPublics = {
    accueil: 0,
    age: { min: 0, max: 99 },
    gender: [...GENDERS],
    administrative: [...ADMINISTRATIVE],
    familialle: [...FAMILY],
    other: [...OTHER],
    description: empty,
    ukrainePrecisions: '',
  };
  const roll = random.next();
  if (roll < 0.7) return publics; // everyone, unconditionally
  const [description, changes] = random.pick(AUDIENCES);
  // 1 = everyone, with a speciality for these people; 2 = only these people.
  return { ...publics, ...changes, accueil: roll < 0.82 ? 1 : 2, description };
}

export function copyPublics(publics: StoredPublics): StoredPublics {
  return {
    ...publics,
    age: { ...publics.age },
    gender: [...publics.gender],
    administrative: [...publics.administrative],
    familialle: [...publics.familialle],
    other: [...publics.other],
  };
}

const PRECISIONS = {
  appointment: ['Sur rendez-vous par téléphone', 'Rendez-vous à prendre à l’accueil'],
  inscription: ['Inscription sur place le lundi matin', 'Inscription auprès du CCAS'],
  orientation: ['Orientation par un travailleur social (SIAO, CCAS, PASS)', 'Sur orientation du 115'],
  price: ['Participation symbolique de 1 €', 'Adhésion annuelle de 5 €'],
} as const;

const OTHER_CONDITIONS = [
  '<p>Se munir d’un justificatif de domicile.</p>',
  '<p>Personnes domiciliées sur la commune.</p>',
  'Animaux acceptés s’ils sont tenus en laisse.',
];

export interface ModalitiesInput {
  orientation: boolean;
  empty: EmptyText;
  /** Older records still hold the `docs` list (emptied for partners, API.md §1.7). */
  withDocs: boolean;
  withThermalComfort: boolean;
}

export function generateModalities(input: ModalitiesInput, random: Random): StoredModalities {
  const check = (key: keyof typeof PRECISIONS, checked: boolean): { checked: boolean; precisions: string | null } => ({
    checked,
    precisions: checked && random.chance(0.6) ? random.pick(PRECISIONS[key]) : input.empty,
  });
  const orientation = check('orientation', input.orientation);
  const appointment = check('appointment', !input.orientation && random.chance(0.2));
  const inscription = check('inscription', !input.orientation && random.chance(0.12));
  const modalities: StoredModalities = {
    animal: { checked: random.chance(0.25) },
    appointment,
    inscription,
    orientation,
    pmr: { checked: random.chance(0.5) },
    price: check('price', random.chance(0.1)),
    // Soliguide derives "unconditional" from the three access conditions.
    inconditionnel: !(orientation.checked || appointment.checked || inscription.checked),
    other: random.chance(0.2) ? random.pick(OTHER_CONDITIONS) : input.empty,
  };
  if (input.withDocs) modalities.docs = [];
  if (input.withThermalComfort) {
    modalities.thermalComfort = { heated: random.pick([true, false, null]), airConditioned: random.pick([true, false, null]) };
  }
  return modalities;
}

export function copyModalities(modalities: StoredModalities): StoredModalities {
  const copy: StoredModalities = {
    ...modalities,
    animal: { ...modalities.animal },
    appointment: { ...modalities.appointment },
    inscription: { ...modalities.inscription },
    orientation: { ...modalities.orientation },
    pmr: { ...modalities.pmr },
    price: { ...modalities.price },
  };
  if (modalities.docs) copy.docs = [...modalities.docs];
  if (modalities.thermalComfort) copy.thermalComfort = { ...modalities.thermalComfort };
  return copy;
}
