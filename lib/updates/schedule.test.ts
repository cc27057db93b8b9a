import { describe, expect, it } from 'vitest';
import { CHECK_INTERVAL_MS, backoffDelayMs, nextCheckAt } from './schedule';

const MIN = 60_000;
const HOUR = 60 * MIN;

describe('backoffDelayMs', () => {
  it.each([
    [0, 24 * HOUR],
    [1, 15 * MIN],
    [2, 30 * MIN],
    [3, HOUR],
    [4, 2 * HOUR],
    [6, 8 * HOUR],
    [7, 16 * HOUR],
    [8, 24 * HOUR],
    [30, 24 * HOUR],
  ])('after %i failures in a row waits %i ms', (failures, ms) => {
    expect(backoffDelayMs(failures)).toBe(ms);
  });
});

describe('nextCheckAt', () => {
  const now = Date.UTC(2026, 10, 23);
  it('checks again in about a day, spread by at most 10% either way', () => {
    expect(nextCheckAt({ now, failures: 0, freshUntil: null, random: 0.5 })).toBe(now + CHECK_INTERVAL_MS);
    expect(nextCheckAt({ now, failures: 0, freshUntil: null, random: 0 })).toBe(now + CHECK_INTERVAL_MS * 0.9);
    expect(nextCheckAt({ now, failures: 0, freshUntil: null, random: 0.999999 })).toBeLessThanOrEqual(now + CHECK_INTERVAL_MS * 1.1);
  });
  it('retries a failure after 15 minutes, with jitter', () => {
    const at = nextCheckAt({ now, failures: 1, freshUntil: null, random: 0.25 });
    expect(at).toBe(now + 15 * MIN - 45_000);
  });
  it('waits while the server said its answer stays fresh longer than a day, but not to retry a failure', () => {
    const freshUntil = now + 3 * CHECK_INTERVAL_MS;
    expect(nextCheckAt({ now, failures: 0, freshUntil, random: 0.5 })).toBe(freshUntil);
    expect(nextCheckAt({ now, failures: 2, freshUntil, random: 0.5 })).toBe(now + 30 * MIN);
  });
});
