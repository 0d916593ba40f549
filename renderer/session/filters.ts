/** The filter toggles of the results screen and the search filters they stand for. */
import type { KioskRequest } from '../../common/contract/kiosk-api';

export const FILTER_TOGGLES = ['openNow', 'free', 'noAppointment', 'women', 'family', 'wheelchair', 'myLanguage'] as const;
export type FilterToggle = (typeof FILTER_TOGGLES)[number];
export type FilterState = Record<FilterToggle, boolean>;

/** Open now is on by default: people come for what they can reach today. */
export const DEFAULT_FILTERS: FilterState = {
  openNow: true,
  free: false,
  noAppointment: false,
  women: false,
  family: false,
  wheelchair: false,
  myLanguage: false,
};

type SearchFilters = NonNullable<KioskRequest<'search'>['filters']>;

export function searchFilters(state: FilterState, language: string): SearchFilters {
  return {
    ...(state.free ? { free: true } : {}),
    ...(state.noAppointment ? { noAppointment: true } : {}),
    ...(state.women ? { gender: 'women' as const } : {}),
    ...(state.family ? { family: 'family' as const } : {}),
    ...(state.wheelchair ? { wheelchair: true } : {}),
    ...(state.myLanguage ? { languages: [language] } : {}),
  };
}
