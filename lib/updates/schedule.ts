/**
 * When a subscription checks next. Normally once a day, spread by random jitter so readers who
 * installed at the same moment do not all ask the host at the same second; after failures,
 * sooner at first and then less often (15 min, 30 min, 1 h, … up to the daily interval).
 */

export const CHECK_INTERVAL_MS = 24 * 60 * 60 * 1000;
/** Up to this fraction of the interval is added or taken away at random. */
export const JITTER = 0.1;
export const FIRST_RETRY_MS = 15 * 60 * 1000;

/** Delay before the next try after `failures` failures in a row (1 → 15 min, doubling, capped at a day). */
export function backoffDelayMs(failures: number): number {
  if (failures <= 0) return CHECK_INTERVAL_MS;
  return Math.min(CHECK_INTERVAL_MS, FIRST_RETRY_MS * 2 ** (failures - 1));
}

export interface ScheduleInput {
  now: number;
  /** Failed checks in a row (0 after a success). */
  failures: number;
  /** Until when the last response is fresh (`max-age`), if it said. */
  freshUntil: number | null;
  /** A number in [0, 1): `Math.random` outside tests. */
  random: number;
}

/** The time of the next check (ms since the epoch). */
export function nextCheckAt({ now, failures, freshUntil, random }: ScheduleInput): number {
  const base = backoffDelayMs(failures);
  const jitter = Math.round(base * JITTER * (2 * random - 1));
  const next = now + base + jitter;
  // A server that says its answer stays fresh longer than a day is not asked before then;
  // retries after a failure do not wait for it (the failure was not a fresh answer).
  return failures === 0 && freshUntil !== null ? Math.max(next, freshUntil) : next;
}
