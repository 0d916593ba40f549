import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SyncSummary } from '../../sync/run-sync';
import { fullPassTime, lightRefreshTimes, needsCatchUp, retryDelayMs, stableOffsetMinutes } from '../../sync/sync-schedule';
import { SyncScheduler } from '../../sync/sync-scheduler';

const settings = { kioskId: 'caf-67-strasbourg-01', fullAfter: '04:30', lightEveryMinutes: 120, randomOffsetMinutes: 45 };

function summary(fields: Partial<SyncSummary>): SyncSummary {
  return { ok: true, kind: 'full', places: 0, added: 0, updated: 0, hidden: 0, quarantined: 0, ms: 1, error: null, geodata: null, ...fields };
}

describe('the sync schedule', () => {
  it('offsets each kiosk by a stable amount within the configured range, different across a fleet', () => {
    const offsets = Array.from({ length: 200 }, (_, i) => stableOffsetMinutes(`kiosk-${i}`, 45));
    expect(offsets.every((o) => Number.isInteger(o) && o >= 0 && o <= 45)).toBe(true);
    expect(new Set(offsets).size).toBeGreaterThan(30);
    expect(stableOffsetMinutes('kiosk-7', 45)).toBe(offsets[7]);
    expect(stableOffsetMinutes('kiosk-7', 0)).toBe(0);
  });

  it('runs the full pass after 04:30 Paris time, within the offset', () => {
    const { hour, minute } = fullPassTime(settings);
    const minutes = hour * 60 + minute;
    expect(minutes).toBeGreaterThanOrEqual(4 * 60 + 30);
    expect(minutes).toBeLessThanOrEqual(4 * 60 + 30 + 45);
  });

  it('runs light refreshes every 2 hours between 07:00 and 20:00', () => {
    const times = lightRefreshTimes(settings).map((t) => t.hour * 60 + t.minute);
    expect(times.length).toBe(7);
    expect(times[0]).toBeGreaterThanOrEqual(7 * 60);
    expect(times.at(-1)).toBeLessThanOrEqual(20 * 60);
    expect(times.slice(1).map((t, i) => t - (times[i] as number))).toEqual(Array(6).fill(120));
  });

  it('catches up at start when the last full pass is missing or older than the budget', () => {
    const now = new Date('2026-11-22T12:00:00Z');
    expect(needsCatchUp(null, now, 26)).toBe(true);
    expect(needsCatchUp(new Date('2026-11-21T12:00:00Z'), now, 26)).toBe(false); // 24 h old
    expect(needsCatchUp(new Date('2026-11-21T09:00:00Z'), now, 2)).toBe(true);
  });

  it('backs off after failures, with jitter, and never retries what needs an admin', () => {
    expect(retryDelayMs(1, false, () => 0)).toBe(150_000);
    expect(retryDelayMs(1, false, () => 1)).toBe(300_000);
    expect(retryDelayMs(3, false, () => 1)).toBe(1_200_000);
    expect(retryDelayMs(20, false, () => 1)).toBe(7_200_000);
    expect(retryDelayMs(1, true, () => 1)).toBeNull();
  });
});

describe('the sync scheduler', () => {
  let scheduler: SyncScheduler | null = null;
  afterEach(async () => {
    vi.useRealTimers();
    await scheduler?.stop();
    scheduler = null;
  });

  it('never runs two passes at once', async () => {
    let finish: (s: SyncSummary) => void = () => undefined;
    const runPass = vi.fn(() => new Promise<SyncSummary>((resolve) => (finish = resolve)));
    scheduler = new SyncScheduler(settings, { runPass, lastFullSuccess: () => new Date(), now: () => new Date() });
    const first = scheduler.trigger('full');
    expect(await scheduler.trigger('light')).toBeNull();
    finish(summary({}));
    expect(await first).toMatchObject({ ok: true });
    expect(runPass).toHaveBeenCalledTimes(1);
  });

  it('runs a catch-up full pass at start when the data is too old', async () => {
    const runPass = vi.fn(async () => summary({}));
    scheduler = new SyncScheduler(settings, { runPass, lastFullSuccess: () => null, now: () => new Date() });
    scheduler.start();
    await vi.waitFor(() => expect(runPass).toHaveBeenCalledWith('full'));
  });

  it('retries a failed pass later, but not one refused with 401', async () => {
    vi.useFakeTimers();
    const runPass = vi
      .fn<(kind: 'full' | 'light') => Promise<SyncSummary>>()
      .mockResolvedValueOnce(summary({ ok: false, error: 'POST /new-search failed after 4 attempts: HTTP 500 SEARCH_ERROR' }))
      .mockResolvedValueOnce(summary({ ok: false, error: 'GET /v2/categories failed: HTTP 401 INVALID_TOKEN (check the token and the API account)' }))
      .mockResolvedValue(summary({}));
    scheduler = new SyncScheduler(settings, { runPass, lastFullSuccess: () => new Date(), now: () => new Date(), random: () => 1 });
    await scheduler.trigger('full');
    await vi.advanceTimersByTimeAsync(300_000);
    expect(runPass).toHaveBeenCalledTimes(2); // retried after 5 minutes
    await vi.advanceTimersByTimeAsync(24 * 3_600_000 - 1);
    expect(runPass).toHaveBeenCalledTimes(2); // the 401 is not retried by the backoff
  });

  it('takes new times without a restart: the old jobs are gone, the new ones follow the new settings', () => {
    const runPass = vi.fn(async () => summary({}));
    scheduler = new SyncScheduler(settings, { runPass, lastFullSuccess: () => new Date(), now: () => new Date() });
    scheduler.start();
    const before = scheduler.nextRuns();
    expect(before).toHaveLength(1 + lightRefreshTimes(settings).length);
    const changed = { ...settings, fullAfter: '05:15', lightEveryMinutes: 240 };
    scheduler.reschedule(changed);
    const after = scheduler.nextRuns();
    expect(after).toHaveLength(1 + lightRefreshTimes(changed).length);
    const paris = (date: Date) => new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Paris', hour: '2-digit', minute: '2-digit' }).format(date);
    const full = fullPassTime(changed);
    expect(paris(after[0] as Date)).toBe(`${String(full.hour).padStart(2, '0')}:${String(full.minute).padStart(2, '0')}`);
    expect(runPass).not.toHaveBeenCalled();
  });
});
