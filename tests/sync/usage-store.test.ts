import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { countUsage, firstKeptDay, pruneUsage, usageBetween, usageCsv } from '../../sync/usage/usage-counters';
import { notePrinterReading, printerIncidents, prunePrinterEvents } from '../../sync/usage/printer-events';
import { openUsageStore, UsageStoreTooNewError, type UsageStore } from '../../sync/usage/usage-store';
import { UsageRecorder } from '../../sync/usage/usage-recorder';

const dirs: string[] = [];
const stores: UsageStore[] = [];
function store(): UsageStore {
  const dir = mkdtempSync(join(tmpdir(), 'usage-'));
  dirs.push(dir);
  const opened = openUsageStore(join(dir, 'usage.sqlite'));
  stores.push(opened);
  return opened;
}
afterEach(() => {
  stores.splice(0).forEach((s) => s.close());
  dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true }));
});

describe('usage counters', () => {
  it('sum per day, metric and key, and keep nothing else', () => {
    const db = store();
    countUsage(db, '2026-11-22', 'search', 'food');
    countUsage(db, '2026-11-22', 'search', 'food');
    countUsage(db, '2026-11-22', 'search', 'shower');
    countUsage(db, '2026-11-23', 'session');
    expect(usageBetween(db, '2026-11-22', '2026-11-23')).toEqual([
      { day: '2026-11-22', metric: 'search', key: 'food', count: 2 },
      { day: '2026-11-22', metric: 'search', key: 'shower', count: 1 },
      { day: '2026-11-23', metric: 'session', key: '', count: 1 },
    ]);
    expect(db.prepare('SELECT count(*) FROM usage_counters').pluck().get()).toBe(3);
  });

  it('refuse a key that is not an id (no free text can be stored)', () => {
    const db = store();
    expect(() => countUsage(db, '2026-11-22', 'search', 'soupe populaire')).toThrow(/CHECK/);
    expect(() => countUsage(db, '2026-11-22', 'search', 'Food')).toThrow(/CHECK/);
    expect(() => countUsage(db, '22/11/2026', 'search', 'food')).toThrow(/CHECK/);
  });

  it('are kept 13 months', () => {
    expect(firstKeptDay('2026-11-22')).toBe('2025-10-22');
    expect(firstKeptDay('2027-03-31')).toBe('2026-02-28');
    expect(firstKeptDay('2026-01-15')).toBe('2024-12-15');
    const db = store();
    for (const day of ['2025-10-21', '2025-10-22', '2026-11-22']) countUsage(db, day, 'session');
    expect(pruneUsage(db, '2026-11-22')).toBe(1);
    expect(usageBetween(db, '0000-01-01', '9999-12-31').map((row) => row.day)).toEqual(['2025-10-22', '2026-11-22']);
  });

  it('export as CSV with a header, one row per counter', () => {
    const csv = usageCsv([
      { day: '2026-11-22', metric: 'search', key: 'food', count: 2 },
      { day: '2026-11-22', metric: 'ticket', key: '', count: 1 },
    ]);
    expect(csv).toBe('day,metric,key,count\r\n2026-11-22,search,food,2\r\n2026-11-22,ticket,,1\r\n');
  });

  it('refuse a store written by a newer kiosk, untouched', () => {
    const db = store();
    const file = db.name;
    db.pragma('user_version = 7');
    db.close();
    stores.pop();
    expect(() => openUsageStore(file)).toThrow(UsageStoreTooNewError);
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('user_version', { simple: true })).toBe(7);
    raw.close();
  });
});

describe("the printer's history", () => {
  const at = (time: string): Date => new Date(`2026-11-22T${time}:00Z`);

  it('writes a reading only when it changes, and reads back incidents with their end', () => {
    const db = store();
    const idle = { name: 'Q', state: 'idle', reasons: [] };
    const out = { name: 'Q', state: 'out-of-paper', reasons: ['media-empty-error'] };
    expect(notePrinterReading(db, at('08:00'), idle)).toBe(true);
    expect(notePrinterReading(db, at('08:01'), idle)).toBe(false);
    expect(notePrinterReading(db, at('09:12'), out)).toBe(true);
    expect(notePrinterReading(db, at('09:13'), { ...out, reasons: ['media-empty-error'] })).toBe(false);
    expect(notePrinterReading(db, at('10:40'), idle)).toBe(true);
    expect(notePrinterReading(db, at('11:00'), { name: 'Q', state: 'offline', reasons: ['offline-report'] })).toBe(true);
    expect(printerIncidents(db, at('00:00'))).toEqual([
      { state: 'offline', reasons: ['offline-report'], printer: 'Q', from: at('11:00').toISOString(), until: null },
      { state: 'out-of-paper', reasons: ['media-empty-error'], printer: 'Q', from: at('09:12').toISOString(), until: at('10:40').toISOString() },
    ]);
    // An incident over before `since` is not shown; one still going on always is.
    expect(printerIncidents(db, at('10:50')).map((incident) => incident.state)).toEqual(['offline']);
  });

  it('forgets events after 90 days but keeps the last one (the state now)', () => {
    const db = store();
    notePrinterReading(db, new Date('2026-01-01T00:00:00Z'), { name: 'Q', state: 'stopped', reasons: [] });
    notePrinterReading(db, new Date('2026-01-02T00:00:00Z'), { name: 'Q', state: 'idle', reasons: [] });
    expect(prunePrinterEvents(db, new Date('2026-11-22T00:00:00Z'))).toBe(1);
    expect(db.prepare('SELECT state FROM printer_events').pluck().all()).toEqual(['idle']);
  });
});

describe('the usage recorder', () => {
  it('counts on the kiosk day and tidies once per day', () => {
    const db = store();
    let day = '2026-11-22';
    const recorder = new UsageRecorder(db, () => day, () => new Date(`${day}T12:00:00Z`));
    countUsage(db, '2025-10-01', 'session');
    recorder.count('search', 'food');
    expect(usageBetween(db, '0000-01-01', '9999-12-31')).toEqual([{ day: '2026-11-22', metric: 'search', key: 'food', count: 1 }]);
    // Written behind its back the same day: left until the next day's tidying.
    countUsage(db, '2025-10-01', 'session');
    recorder.count('session');
    expect(usageBetween(db, '2025-10-01', '2025-10-01')).toHaveLength(1);
    day = '2026-11-23';
    recorder.tidy();
    expect(usageBetween(db, '2025-10-01', '2025-10-01')).toHaveLength(0);
  });
});
