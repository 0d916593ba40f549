/**
 * Writes the day's counters for the runtime and the staff calls alike: one idea of "today" (the
 * kiosk's zone) and, once per kiosk day, the housekeeping of the store (counters over 13 months,
 * printer events over 90 days).
 */
import { countUsage, pruneUsage, type UsageMetric } from './usage-counters';
import { prunePrinterEvents } from './printer-events';
import type { UsageStore } from './usage-store';

export class UsageRecorder {
  private tidiedOn: string | null = null;

  constructor(
    readonly store: UsageStore,
    /** The kiosk's day now, YYYY-MM-DD. */
    readonly today: () => string,
    private readonly now: () => Date,
  ) {}

  /** Deletes what is past its retention; does nothing more than once a day. */
  tidy(): void {
    const day = this.today();
    if (this.tidiedOn === day) return;
    this.tidiedOn = day;
    pruneUsage(this.store, day);
    prunePrinterEvents(this.store, this.now());
  }

  count(metric: UsageMetric, key = ''): void {
    this.tidy();
    countUsage(this.store, this.today(), metric, key);
  }
}
