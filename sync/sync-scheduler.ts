/**
 * Runs sync passes on the schedule of sync-schedule.ts with node-schedule: never two at once,
 * a catch-up full pass at start when the data is older than its budget, and retries with
 * backoff after a failure — but no retries after a 401/403, which need an admin (the regular
 * schedule still runs, so a fixed token is picked up without a visit).
 */
import schedule, { type Job } from 'node-schedule';
import type { SyncSummary } from './run-sync';
import { fullPassTime, lightRefreshTimes, needsCatchUp, retryDelayMs, SCHEDULE_TIME_ZONE, type ScheduleSettings } from './sync-schedule';
import { geodataTrouble } from './geodata/refresh-geodata';

export interface SchedulerDeps {
  runPass: (kind: 'full' | 'light') => Promise<SyncSummary>;
  lastFullSuccess: () => Date | null;
  now: () => Date;
  random?: () => number;
  log?: (line: string) => void;
  /** Data older than this (hours) triggers a full pass at start. */
  catchUpBudgetHours?: number;
}

/** 401/403 answers are reported with this wording by the API client. */
const NEEDS_ADMIN = /HTTP 40[13]\b/;

export class SyncScheduler {
  private jobs: Job[] = [];
  private running: Promise<SyncSummary> | null = null;
  private failures = 0;
  private retryTimer: NodeJS.Timeout | null = null;

  constructor(
    private settings: ScheduleSettings,
    private readonly deps: SchedulerDeps,
  ) {}

  start(): void {
    this.scheduleJobs();
    if (needsCatchUp(this.deps.lastFullSuccess(), this.deps.now(), this.deps.catchUpBudgetHours ?? 26)) {
      void this.trigger('full');
    }
  }

  private scheduleJobs(): void {
    const full = fullPassTime(this.settings);
    this.jobs.push(schedule.scheduleJob({ ...full, tz: SCHEDULE_TIME_ZONE }, () => void this.trigger('full')));
    for (const time of lightRefreshTimes(this.settings)) {
      this.jobs.push(schedule.scheduleJob({ ...time, tz: SCHEDULE_TIME_ZONE }, () => void this.trigger('light')));
    }
  }

  /** New times (remote settings): the jobs are replaced; a running pass goes on. */
  reschedule(settings: ScheduleSettings): void {
    for (const job of this.jobs) job.cancel();
    this.jobs = [];
    this.settings = settings;
    this.scheduleJobs();
  }

  /** The next time each kind of pass will run (staff screen, tests). */
  nextRuns(): Date[] {
    return this.jobs.flatMap((job) => {
      const next = job.nextInvocation() as Date | null;
      return next ? [new Date(next.getTime())] : [];
    });
  }

  /** A pass is running (started by the schedule, a retry or staff). */
  isRunning(): boolean {
    return this.running !== null;
  }

  /** Runs a pass now unless one is running; resolves to its summary, or null when skipped. */
  async trigger(kind: 'full' | 'light'): Promise<SyncSummary | null> {
    if (this.running) {
      this.deps.log?.(`sync ${kind} skipped: a pass is already running`);
      return null;
    }
    this.running = this.deps.runPass(kind);
    try {
      const summary = await this.running;
      this.afterPass(kind, summary);
      return summary;
    } finally {
      this.running = null;
    }
  }

  private afterPass(kind: 'full' | 'light', summary: SyncSummary): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    this.retryTimer = null;
    if (summary.ok) {
      this.failures = 0;
      const trouble = geodataTrouble(summary.geodata);
      // The places are fine; the map or the routes were not all fetched: kept as they were, said here.
      if (trouble) this.deps.log?.(`sync ${kind} succeeded; geodata kept as it was where it failed: ${trouble}`);
      return;
    }
    this.failures++;
    const delay = retryDelayMs(this.failures, NEEDS_ADMIN.test(summary.error ?? ''), this.deps.random ?? Math.random);
    this.deps.log?.(`sync ${kind} failed: ${summary.error}${delay === null ? '; no retry until an admin acts' : `; retry in ${Math.round(delay / 60_000)} min`}`);
    if (delay !== null) this.retryTimer = setTimeout(() => void this.trigger(kind), delay);
  }

  /** Stops scheduling and waits for the current pass to finish (shutdown never cuts a write). */
  async stop(): Promise<void> {
    for (const job of this.jobs) job.cancel();
    this.jobs = [];
    if (this.retryTimer) clearTimeout(this.retryTimer);
    await this.running?.catch(() => undefined);
  }
}
