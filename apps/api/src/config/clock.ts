import { chinaDay } from '@qh/domain';

/** The session setting that `qh_now()` adds to `now()`: the database's half of the one clock. */
export const CLOCK_OFFSET_SETTING = 'qh.clock_offset_ms';

/**
 * The one clock: "now" and "today in China" for the app, and through `qh_now()` and `qh_today()`
 * for its SQL, which never reads `now()` or `current_date` on its own. Real time, except in tests,
 * where TEST_NOW moves it (both halves alike) so that a suite runs on any day it chooses.
 */
export class Clock {
  constructor(readonly offsetMs = 0) {}

  now(): Date {
    return new Date(Date.now() + this.offsetMs);
  }

  /** Today in China (UTC+8) as `YYYY-MM-DD`: the day of the ledger, order numbers, certificates and pre-sales. */
  today(): string {
    return chinaDay(this.now());
  }

  /** Connection options that set the database's half to this clock on every connection of a pool or client. */
  pgOptions(): { options?: string } {
    return this.offsetMs ? { options: `-c ${CLOCK_OFFSET_SETTING}=${this.offsetMs}` } : {};
  }
}
