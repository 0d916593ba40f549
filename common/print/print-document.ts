/**
 * What can be printed, as data: a person's ticket for one place, or a staff list. The host turns
 * a document into the address of the renderer's print page (`print.html#…`), the print page reads
 * it back from there: both ends use the one schema below.
 */
import { z } from 'zod';
import { KIOSK_LANGUAGES } from '../i18n/languages';
import { addDays, weekdayOf } from '../opening/zoned-time';

/** Paper the document is laid out for: the 80 mm roll (72 mm printable) or a sheet. */
export const PAPERS = ['ticket-80mm', 'a4', 'a5'] as const;
export type Paper = (typeof PAPERS)[number];

/** Page width and, for sheets, height in millimetres; a roll's height follows its content. */
export const PAPER_SIZES: Record<Paper, { widthMm: number; heightMm: number | null; marginMm: number }> = {
  'ticket-80mm': { widthMm: 80, heightMm: null, marginMm: 4 },
  a4: { widthMm: 210, heightMm: 297, marginMm: 12 },
  a5: { widthMm: 148, heightMm: 210, marginMm: 10 },
};

const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const categoryId = z.string().regex(/^[a-z0-9_]+$/);

export const ticketDocumentSchema = z.strictObject({
  kind: z.literal('ticket'),
  placeId: z.number().int().positive(),
  language: z.enum(KIOSK_LANGUAGES),
});

/** A staff list: chosen needs around the kiosk, optionally only the places open on one day. */
export const listSpecSchema = z.strictObject({
  /** Printed as the list's title; the default title when absent. */
  title: z.string().trim().min(1).max(80).optional(),
  categories: z.array(categoryId).min(1).max(12),
  radiusMetres: z.int().min(100).max(50_000),
  /** Only places open that day (within the coming week); null: every place, with its week. */
  openOn: isoDay.nullable(),
  language: z.enum(KIOSK_LANGUAGES),
  /** A sheet (the kiosk's sheet paper, A4 when it has a roll) or the roll. */
  format: z.enum(['sheet', 'ticket']),
});

export const listDocumentSchema = z.strictObject({ kind: z.literal('list'), list: listSpecSchema });

/** Staff's test page: the kiosk, the printer, the date, a ruler, every script, a QR code. In French. */
export const testDocumentSchema = z.strictObject({ kind: z.literal('test') });

export const printDocumentSchema = z.discriminatedUnion('kind', [ticketDocumentSchema, listDocumentSchema, testDocumentSchema]);

export type TicketDocument = z.output<typeof ticketDocumentSchema>;
export type ListSpec = z.output<typeof listSpecSchema>;
export type PrintDocument = z.output<typeof printDocumentSchema>;

/** The language a document is printed in (the test page is in French, for staff). */
export function documentLanguage(document: PrintDocument): (typeof KIOSK_LANGUAGES)[number] {
  if (document.kind === 'ticket') return document.language;
  if (document.kind === 'list') return document.list.language;
  return 'fr';
}

/** What the print page needs besides the document: the paper and the printer's resolution. */
export interface PrintPage {
  document: PrintDocument;
  paper: Paper;
  /** Printer dots per inch: QR modules are a whole number of dots. */
  dpi: number;
}

/** `print.html#<this>`: the document as JSON in the fragment (never sent to any server). */
export function printPageFragment(page: PrintPage): string {
  return encodeURIComponent(JSON.stringify(page));
}

const printPageSchema = z.strictObject({
  document: printDocumentSchema,
  paper: z.enum(PAPERS),
  dpi: z.int().min(100).max(1200),
});

/** Reads the fragment back; throws a readable error for anything else. */
export function readPrintPageFragment(fragment: string): PrintPage {
  const text = decodeURIComponent(fragment.replace(/^#/, ''));
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error('The print page was opened without a document to print');
  }
  const parsed = printPageSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`Not a printable document: ${parsed.error.issues[0]?.message ?? 'invalid'}`);
  return parsed.data;
}

/** What the print page tells the renderer once it is laid out: the page box and the running footer. */
export interface PrintLayout {
  widthMm: number;
  /** For the roll: the content's own height. */
  heightMm: number;
  marginMm: { top: number; right: number; bottom: number; left: number };
  /** Repeated at the foot of every sheet (the 115 line and the page number); null on the roll. */
  footer: { text: string; pageOf: string; dir: 'ltr' | 'rtl'; lang: string } | null;
}

/** Set on `<html data-print=…>` by the print page: the renderer waits for one of them. */
export type PrintPageState = 'ready' | 'error';

/**
 * A saved staff list: the criteria without a date. "Open on" is a weekday (the next such day,
 * today included, when printed) or none.
 */
export const printPresetSpecSchema = z.strictObject({
  categories: listSpecSchema.shape.categories,
  radiusMetres: listSpecSchema.shape.radiusMetres,
  /** 0 Monday … 6 Sunday (as the week of a place); null: every place, with its week. */
  openOnWeekday: z.int().min(0).max(6).nullable(),
  language: listSpecSchema.shape.language,
  format: listSpecSchema.shape.format,
});

export const printPresetSchema = z.strictObject({
  name: z.string().trim().min(1).max(80),
  spec: printPresetSpecSchema,
});

export type PrintPresetSpec = z.output<typeof printPresetSpecSchema>;

/** The list a preset prints on `today` (YYYY-MM-DD in the kiosk's zone): its weekday resolved to a date. */
export function listOfPreset(name: string, spec: PrintPresetSpec, today: string): ListSpec {
  let openOn: string | null = null;
  if (spec.openOnWeekday !== null) {
    openOn = addDays(today, (spec.openOnWeekday - weekdayOf(today) + 7) % 7);
  }
  return { title: name, categories: spec.categories, radiusMetres: spec.radiusMetres, openOn, language: spec.language, format: spec.format };
}
