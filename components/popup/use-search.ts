import { useEffect, useMemo, useState } from 'preact/hooks';
import type { SearchResults } from '@/lib/messages';
import { createLiveQuery } from '@/lib/ui/live-query';
import { messageOf } from './deps';

export interface SearchState {
  /** The latest results received; kept while newer ones are on their way, so nothing flickers. */
  results: SearchResults | null;
  error: string | null;
}

/** Search as you type: `update` on every keystroke, `now` for a chosen suggestion, `clear` for an empty box. */
export function useSearch(search: (q: string) => Promise<SearchResults>) {
  const [state, setState] = useState<SearchState>({ results: null, error: null });
  const live = useMemo(
    () =>
      createLiveQuery({
        run: search,
        onResult: (_q, results) => setState({ results, error: null }),
        onError: (_q, e) => setState((s) => ({ ...s, error: messageOf(e) })),
      }),
    [search],
  );
  useEffect(() => () => live.cancel(), [live]);
  return {
    ...state,
    update: live.update,
    now: live.now,
    clear: () => {
      live.cancel();
      setState({ results: null, error: null });
    },
  };
}
