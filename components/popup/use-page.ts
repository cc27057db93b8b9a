import { useEffect, useRef, useState } from 'preact/hooks';
import { messageOf, type PageView, type PopupDeps } from './deps';

/** Asking the tab, no content script there, the corpus failed to name the entities, or the page. */
export type PageState = { kind: 'loading' } | { kind: 'unreadable' } | { kind: 'error'; message: string } | { kind: 'page'; page: PageView };

const RETRY_MS = 250;
const RETRIES = 12;

/**
 * The active tab's page. `recheck(on)` follows the content script after the site switch moved:
 * it applies the change by itself (stopping at once, or fetching the matcher and annotating), so
 * the popup asks again until the page reports the new state, for up to three seconds.
 */
export function usePage(load: PopupDeps['page']) {
  const [state, setState] = useState<PageState>({ kind: 'loading' });
  const generation = useRef(0);
  const fetchOnce = async (gen: number): Promise<PageView | null | undefined> => {
    try {
      const page = await load();
      if (gen !== generation.current) return undefined;
      setState(page ? { kind: 'page', page } : { kind: 'unreadable' });
      return page;
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
      const page = await fetchOnce(gen);
      if (page === undefined || page === null) return;
      if (page.enabled === on && (!on || page.rows.length > 0)) return;
    }
  };
  return { state, recheck };
}
