/**
 * Gives the page its turn between two slices of work: input, its own scripts and rendering run,
 * then the work continues. Not `setTimeout(0)`: chained timeouts are clamped to 4 ms from the
 * fifth on (HTML's timer nesting rule), so a pass of twenty slices spent more time waiting than
 * working. `scheduler.yield()` where the browser has it (its continuation goes before other
 * queued tasks), else a message to ourselves, which is not clamped.
 */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise(afterTask);
}

/** Calls `then` from a task of its own: a message to ourselves, queued now. */
function afterTask(then: () => void): void {
  const channel = new MessageChannel();
  channel.port1.onmessage = () => {
    channel.port1.close();
    then();
  };
  channel.port2.postMessage(null);
}

/**
 * Resolves with true just after the browser's next frame is painted: a task queued from a
 * frame's animation callbacks runs once that frame is on screen. A hidden tab or a throttled
 * frame may paint nothing for a long time, so the wait ends after `timeoutMs` regardless, with false.
 */
export function nextFrame(view: Window, timeoutMs = 100): Promise<boolean> {
  return new Promise((resolve) => {
    let done = false;
    const finish = (painted: boolean) => {
      if (done) return;
      done = true;
      view.clearTimeout(timer);
      resolve(painted);
    };
    const timer = view.setTimeout(() => finish(false), timeoutMs);
    view.requestAnimationFrame(() => afterTask(() => finish(true)));
  });
}
