/**
 * Back-office fields every stored place carries and `GET /place` returns raw (API.md §1.9):
 * update campaigns, the form steps done, and so on. The kiosk ignores them, but a stand-in server
 * must return them. Campaign blocks are identical in all places (written by migrations), so one
 * deeply frozen copy per variant is shared: 100 000 copies would cost ~150 MB for nothing.
 */
import type { StoredCampaign, StoredCampaignSection, StoredCampaignUpdates, StoredCampaigns } from './stored-campaigns';

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

const UNTOUCHED: StoredCampaignSection = { changes: false, date: null, updated: false };
const GENERAL = { changes: false, endDate: null, startDate: null, updated: false };

/** 2022 campaigns named their closure section `closed` in older records, `tempClosure` later. */
function campaign(closureSection: 'closed' | 'tempClosure', withSource: boolean, withRemindMe: boolean, toUpdate: boolean): StoredCampaign {
  return {
    autonomy: 'UNKNOWN',
    currentStep: 0,
    general: { ...GENERAL },
    ...(withRemindMe ? { remindMeDate: null } : {}),
    sections: {
      [closureSection]: { ...UNTOUCHED },
      hours: { ...UNTOUCHED },
      services: { ...UNTOUCHED },
      tempMessage: { ...UNTOUCHED },
    },
    ...(withSource ? { source: null } : {}),
    status: 'TO_DO',
    toUpdate,
  };
}

function campaigns(section2022: 'closed' | 'tempClosure'): StoredCampaigns {
  return deepFreeze({
    UKRAINE_2022: { ...UNTOUCHED },
    MAJ_ETE_2022: campaign(section2022, false, true, true),
    MAJ_HIVER_2022: campaign(section2022, false, true, true),
    MAJ_ETE_2023: campaign('tempClosure', true, true, true),
    MAJ_HIVER_2023: campaign('tempClosure', true, true, true),
    MAJ_ETE_2024: campaign('tempClosure', true, true, true),
    MID_YEAR_2025: campaign('tempClosure', true, true, true),
    END_YEAR_2025: campaign('tempClosure', true, true, true),
    MID_YEAR_2026: campaign('tempClosure', true, false, true),
  });
}

export const CAMPAIGNS_WITH_CLOSED_SECTION = campaigns('closed');
export const CAMPAIGNS_WITH_TEMP_CLOSURE_SECTION = campaigns('tempClosure');

/** Present on records that went through the 2022 campaign form. */
export const CAMPAIGN_UPDATES: StoredCampaignUpdates = deepFreeze({
  currentStep: 0,
  general: { ...GENERAL },
  remindMeDate: null,
  sections: {
    closed: { ...UNTOUCHED },
    hours: { ...UNTOUCHED },
    services: { ...UNTOUCHED },
    tempMessage: { ...UNTOUCHED },
  },
});

export function stepsDone(placeType: 'LIEU' | 'PARCOURS_MOBILE', withParcoursStep: boolean, hasPhotos: boolean): Record<string, boolean> {
  const steps: Record<string, boolean> = {
    conditions: true,
    contacts: true,
    emplacement: true,
    horaires: true,
    infos: true,
    photos: hasPhotos,
    publics: true,
    services: true,
  };
  if (withParcoursStep) steps.parcours = placeType === 'PARCOURS_MOBILE';
  return steps;
}
