import type { CDPSession } from 'playwright-core';

/**
 * Starts a Chromium trace of `categories` over DevTools; the returned function ends it and
 * resolves with every event collected. Shared by the annotation bench (task lengths) and the
 * hostile-page tests (profiler samples), which differ only in the categories they ask for.
 */
export async function recordTrace<E>(cdp: CDPSession, categories: readonly string[]): Promise<() => Promise<E[]>> {
  const events: E[] = [];
  const onData = (p: { value: object[] }) => {
    for (const e of p.value) events.push(e as E);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', { categories: categories.join(','), transferMode: 'ReportEvents' } as never);
  return async () => {
    const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
    await cdp.send('Tracing.end');
    await done;
    cdp.off('Tracing.dataCollected', onData);
    return events;
  };
}
