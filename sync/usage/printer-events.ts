/**
 * The printer's history for staff: each change of state is written once (state and CUPS reasons),
 * so that "out of paper from 09:12 to 10:40" can be read back as an incident.
 */
import type { UsageStore } from './usage-store';

export interface PrinterReading {
  name: string | null;
  state: string;
  reasons: readonly string[];
}

export interface PrinterIncident {
  state: string;
  reasons: string[];
  printer: string | null;
  from: string;
  /** null: still going on. */
  until: string | null;
}

/** States in which the printer works: not incidents. */
const WORKING = new Set(['idle', 'printing']);

/** Printer events are kept this long. */
export const PRINTER_EVENTS_KEEP_DAYS = 90;

function sameReading(a: PrinterReading, b: PrinterReading): boolean {
  return a.name === b.name && a.state === b.state && JSON.stringify([...a.reasons].sort()) === JSON.stringify([...b.reasons].sort());
}

/** Writes the reading if it differs from the last one written; true when written. */
export function notePrinterReading(store: UsageStore, at: Date, reading: PrinterReading): boolean {
  const last = store
    .prepare<[], { printer: string | null; state: string; reasons: string }>('SELECT printer, state, reasons FROM printer_events ORDER BY event_id DESC LIMIT 1')
    .get();
  if (last && sameReading({ name: last.printer, state: last.state, reasons: JSON.parse(last.reasons) as string[] }, reading)) return false;
  store
    .prepare('INSERT INTO printer_events (at, printer, state, reasons) VALUES (?, ?, ?, ?)')
    .run(at.toISOString(), reading.name, reading.state, JSON.stringify([...reading.reasons].sort()));
  return true;
}

/** Incidents (any state but idle or printing) that were going on at some time after `since`, newest first. */
export function printerIncidents(store: UsageStore, since: Date): PrinterIncident[] {
  const rows = store
    .prepare<[], { at: string; printer: string | null; state: string; reasons: string }>('SELECT at, printer, state, reasons FROM printer_events ORDER BY event_id')
    .all();
  const incidents: PrinterIncident[] = [];
  rows.forEach((row, index) => {
    if (WORKING.has(row.state)) return;
    const until = rows[index + 1]?.at ?? null;
    if (until !== null && Date.parse(until) < since.getTime()) return;
    incidents.push({ state: row.state, reasons: JSON.parse(row.reasons) as string[], printer: row.printer, from: row.at, until });
  });
  return incidents.reverse();
}

/** Deletes events older than the retention, keeping the last one (the state now). */
export function prunePrinterEvents(store: UsageStore, now: Date): number {
  const before = new Date(now.getTime() - PRINTER_EVENTS_KEEP_DAYS * 86_400_000).toISOString();
  return store
    .prepare('DELETE FROM printer_events WHERE at < ? AND event_id < (SELECT max(event_id) FROM printer_events)')
    .run(before).changes;
}
