/**
 * Update-campaign bookkeeping stored in every place (admin only, returned raw by `GET /place`,
 * API.md §1.9). The generator shares one frozen copy between places: it is the same in all of them.
 */
import type { IsoDateString } from './stored-place';

export interface StoredCampaignSection {
  readonly changes: boolean;
  readonly date: IsoDateString | null;
  readonly updated: boolean;
}

export interface StoredCampaignGeneral {
  readonly changes: boolean;
  readonly endDate: IsoDateString | null;
  readonly startDate: IsoDateString | null;
  readonly updated: boolean;
}

export interface StoredCampaign {
  readonly autonomy: string;
  readonly currentStep: number;
  readonly general: StoredCampaignGeneral;
  readonly remindMeDate?: IsoDateString | null;
  readonly sections: Readonly<Record<string, StoredCampaignSection>>;
  readonly source?: string | null;
  readonly status: string;
  readonly toUpdate: boolean;
}

/** Update-campaign bookkeeping (admin only). Shared and frozen between generated places. */
export type StoredCampaigns = Readonly<Record<string, StoredCampaign | StoredCampaignSection>>;

export interface StoredCampaignUpdates {
  readonly currentStep: number;
  readonly general: StoredCampaignGeneral;
  readonly remindMeDate: IsoDateString | null;
  readonly sections: Readonly<Record<string, StoredCampaignSection>>;
}
