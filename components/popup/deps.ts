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

/**
 * What the popup learned about the active tab: what its content script reported, a site that
 * HLED Lens may be allowed on ("Allow on this site"), or a tab out of its reach.
 */
export type PageLookup = { kind: 'page'; page: PageView } | { kind: 'blocked'; site: string } | { kind: 'unreadable' };

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
  /** The active tab's page, or why there is none. */
  page(): Promise<PageLookup>;
  /**
   * "Allow on this site": asks the browser for access to `site` as its very first call (the
   * browser asks only while the reader's click is under way), then chooses the site, which
   * starts the content script in its open tabs. True when access was granted.
   */
  allowSite(site: string): Promise<boolean>;
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
