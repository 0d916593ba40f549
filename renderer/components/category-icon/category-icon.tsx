/**
 * One pictogram per top-level need, from Lucide (ISC licence); a sub-need shows its parent's.
 * Pictograms carry the meaning for people who read little; the label is always beside them.
 */
import {
  BedDouble,
  Bus,
  DoorOpen,
  GraduationCap,
  HandHeart,
  Palette,
  Scale,
  Shirt,
  ShowerHead,
  Smartphone,
  Stethoscope,
  Utensils,
} from 'lucide-preact';

const ROOT_ICONS: Record<string, typeof Utensils> = {
  welcome: DoorOpen,
  activities: Palette,
  food: Utensils,
  counseling: Scale,
  training_and_jobs: GraduationCap,
  accomodation_and_housing: BedDouble,
  hygiene_and_wellness: ShowerHead,
  equipment: Shirt,
  health: Stethoscope,
  technology: Smartphone,
  mobility: Bus,
};

export function CategoryIcon({ rootId, size = 64 }: { rootId: string; size?: number }) {
  const Icon = ROOT_ICONS[rootId] ?? HandHeart;
  return <Icon aria-hidden="true" size={size} strokeWidth={2} class="category-icon" />;
}
