import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createLiveQuery } from './live-query';

/** A `run` whose replies the test releases by hand, in any order. */
function controlledRun() {
  const calls: { query: string; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const run = (query: string) =>
    new Promise<string>((resolve, reject) => {
      calls.push({ query, resolve, reject });
    });
  return { run, calls };
}

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

describe('createLiveQuery', () => {
  it('sends one query once typing pauses for the delay', async () => {
    const { run, calls } = controlledRun();
    const lq = createLiveQuery({ run, onResult: () => {}, delayMs: 120 });
    for (const q of ['E', 'Eb', 'Ebr', 'Ebrard']) {
      lq.update(q);
      vi.advanceTimersByTime(50);
    }
    expect(calls).toEqual([]);
    vi.advanceTimersByTime(70);
    expect(calls.map((c) => c.query)).toEqual(['Ebrard']);
  });

  it('delivers only the reply to the latest request, even when an older one arrives last', async () => {
    const { run, calls } = controlledRun();
    const seen: [string, string][] = [];
    const lq = createLiveQuery({ run, onResult: (q, v) => seen.push([q, v]) });
    lq.update('Ebr');
    vi.advanceTimersByTime(120);
    lq.update('Ebrard');
    vi.advanceTimersByTime(120);
    calls[1]!.resolve('results for Ebrard');
    await vi.runAllTimersAsync();
    calls[0]!.resolve('results for Ebr');
    await vi.runAllTimersAsync();
    expect(seen).toEqual([['Ebrard', 'results for Ebrard']]);
  });

  it('trims the query and does not send the same one twice in a row', () => {
    const { run, calls } = controlledRun();
    const lq = createLiveQuery({ run, onResult: () => {} });
    lq.update('Sowing');
    vi.advanceTimersByTime(120);
    lq.update('Sowing ');
    vi.advanceTimersByTime(120);
    expect(calls.map((c) => c.query)).toEqual(['Sowing']);
  });

  it('cancels on a blank query: nothing pending is sent and replies in flight are dropped', async () => {
    const { run, calls } = controlledRun();
    const seen: string[] = [];
    const lq = createLiveQuery({ run, onResult: (q) => seen.push(q) });
    lq.update('Ebrard');
    vi.advanceTimersByTime(120);
    lq.update('Salazar');
    lq.update('   ');
    vi.advanceTimersByTime(500);
    calls[0]!.resolve('late');
    await vi.runAllTimersAsync();
    expect(calls.map((c) => c.query)).toEqual(['Ebrard']);
    expect(seen).toEqual([]);
    // After a cancel the same query runs again.
    lq.update('Ebrard');
    vi.advanceTimersByTime(120);
    expect(calls.map((c) => c.query)).toEqual(['Ebrard', 'Ebrard']);
  });

  it('sends a chosen suggestion at once and drops the typed query still pending', () => {
    const { run, calls } = controlledRun();
    const lq = createLiveQuery({ run, onResult: () => {} });
    lq.update('Sembr');
    lq.now('Sembrando Oportunidades');
    vi.advanceTimersByTime(500);
    expect(calls.map((c) => c.query)).toEqual(['Sembrando Oportunidades']);
  });

  it('reports the failure of the latest request only', async () => {
    const { run, calls } = controlledRun();
    const errors: string[] = [];
    const lq = createLiveQuery({ run, onResult: () => {}, onError: (q, e) => errors.push(`${q}: ${(e as Error).message}`) });
    lq.now('a');
    lq.now('b');
    calls[0]!.reject(new Error('old'));
    calls[1]!.reject(new Error('store: not ready'));
    await vi.runAllTimersAsync();
    expect(errors).toEqual(['b: store: not ready']);
  });

  it('reports a `run` that throws instead of returning a promise', async () => {
    const errors: unknown[] = [];
    const lq = createLiveQuery<string>({
      run: () => {
        throw new Error('messages: no reply');
      },
      onResult: () => {},
      onError: (_q, e) => errors.push(e),
    });
    lq.now('x');
    await vi.runAllTimersAsync();
    expect(errors).toHaveLength(1);
  });
});
