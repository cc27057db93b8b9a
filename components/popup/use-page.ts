import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf, type PageLookup, type PopupDeps } from './deps';

/** Asking the tab, the corpus failed to name the entities, or what the tab answered (see `PageLookup`). */
export type PageState = { kind: 'loading' } | { kind: 'error'; message: string } | PageLookup;

const RETRY_MS = 250;
const RETRIES = 24;

/**
 * The active tab's page. `recheck(on)` follows the content script after the site switch moved or
 * a site was allowed: it applies the change by itself (stopping at once, or being started, fetching
 * the matcher and annotating), so the popup asks again until the page reports the new state, for
 * up to six seconds.
 */
export function usePage(load: PopupDeps['page']) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const generation = useRef(0);
  const fetchOnce = async (gen: number): Promise<PageLookup | undefined> => {
    try {
      const lookup = await load();
      if (gen !== generation.current) return undefined;
      setState(lookup);
      return lookup;
    } catch (e) {
      if (gen === generation.current) setState({ kind: 'error', message: messageOf(e) });
      return undefined;
    }
  };
  useEffect(() => {
    void fetchOnce(generation.current);
  }, []);
  const recheck = async (on: boolean) => {
    const gen = ++generation.current;
    for (let i = 0; i < RETRIES; i++) {
      await new Promise((r) => setTimeout(r, RETRY_MS));
      const lookup = await fetchOnce(gen);
      if (lookup === undefined) return;
      // A tab being started does not answer yet: ask again.
      if (lookup.kind !== 'page') continue;
      if (lookup.page.enabled === on && (!on || lookup.page.rows.length > 0)) return;
    }
  };
  return { state, recheck };
}
