/**
 * "This information is wrong": the reasons a person can tap. Apart from the schemas so that the
 * renderer can list them without bundling the validation library.
 */
export const REPORT_REASONS = ['closed', 'moved', 'hours', 'other'] as const;

export type ReportReason = (typeof REPORT_REASONS)[number];
