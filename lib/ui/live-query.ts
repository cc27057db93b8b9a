/**
 * Search-as-you-type without flicker or races: input is debounced, and a reply is delivered only
 * when it answers the latest request sent, so a slow reply to "Ebr" can never replace the
 * results of "Ebrard" that arrived before it. Old results stay on screen until new ones arrive;
 * the caller decides what to show meanwhile.
 */
export interface LiveQueryOptions<T> {
  /** Runs one query (e.g. sends `search` to the background). */
  run: (query: string) => Promise<T>;
  /** Called with the reply to the latest request only. */
  onResult: (query: string, value: T) => void;
  /** Called when the latest request fails; failures of superseded requests are dropped. */
  onError?: (query: string, error: unknown) => void;
  /** Quiet time after the last keystroke before a query is sent, ms. Default 120. */
  delayMs?: number;
  /** Timer functions, for tests and for pages without `window` timers. */
  timers?: { set: (fn: () => void, ms: number) => unknown; clear: (handle: unknown) => void };
}

export interface LiveQuery {
  /** The input changed: send `query` once typing pauses. A blank query cancels instead. */
  update(query: string): void;
  /** Send `query` now (a clicked suggestion), dropping any pending or running request. */
  now(query: string): void;
  /** Drop the pending request and ignore replies to those already sent. */
  cancel(): void;
}

export function createLiveQuery<T>(opts: LiveQueryOptions<T>): LiveQuery {
  const delay = opts.delayMs ?? 120;
  const timers = opts.timers ?? { set: (fn: () => void, ms: number) => setTimeout(fn, ms), clear: (h: unknown) => clearTimeout(h as ReturnType<typeof setTimeout>) };
  let pending: unknown = null;
  let latest = 0;
  /** The query of the latest request sent, so a repeated one (a trailing space) is not sent again. */
  let sent: string | null = null;

  const clearPending = () => {
    if (pending !== null) timers.clear(pending);
    pending = null;
  };
  const send = (query: string) => {
    clearPending();
    sent = query;
    const id = ++latest;
    let reply: Promise<T>;
    try {
      reply = opts.run(query);
    } catch (e) {
      reply = Promise.reject(e);
    }
    reply.then(
      (value) => {
        if (id === latest) opts.onResult(query, value);
      },
      (error: unknown) => {
        if (id === latest) opts.onError?.(query, error);
      },
    );
  };
  const cancel = () => {
    clearPending();
    latest++;
    sent = null;
  };
  return {
    update(raw) {
      const query = raw.trim();
      if (!query) return cancel();
      clearPending();
      if (query === sent) return;
      pending = timers.set(() => {
        pending = null;
        send(query);
      }, delay);
    },
    now(raw) {
      const query = raw.trim();
      if (!query) return cancel();
      send(query);
    },
    cancel,
  };
}
