import type { CorpusInfo, SearchResults } from '@/lib/messages';
import type { Settings } from '@/lib/settings/defaults';
import type { PageEntityRow } from '@/lib/ui/page-entities';
import type { UiLanguage } from '@/lib/i18n/language';

/** What the active tab's content script reported, with the entities named from the corpus. */
export interface PageView {
  hostname: string;
  /** False when highlighting is off for this site or everywhere. */
  enabled: boolean;
  rows: PageEntityRow[];
}

/** Where the popup keeps its settings (`storage.local` in the extension). */
export interface SettingsPort {
  read(): Promise<Settings>;
  /** Writes the whole settings object. */
  write(settings: Settings): Promise<void>;
  /** Calls `fn` whenever the stored settings change; returns the unsubscribe. */
  watch(fn: (settings: Settings) => void): () => void;
}

/**
 * Everything the popup does outside itself. The entrypoint wires these to `browser.*`, so the
 * views never touch extension APIs.
 */
export interface PopupDeps {
  lang: UiLanguage;
  search(query: string): Promise<SearchResults>;
  corpusInfo(): Promise<CorpusInfo>;
  /** The active tab's page, or null when no content script answers there (it cannot be read). */
  page(): Promise<PageView | null>;
  /** Opens the card of `id` in the active tab and closes the popup. */
  showEntity(id: string): Promise<void>;
  /** Opens the reader at `hash` (from `documentHash` or `searchHash`) in a new tab. */
  openReader(hash: string): void;
  openOptions(): void;
  settings: SettingsPort;
}

/** The message of an error from any source, for showing to the reader. */
export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}
