import { withTextFragment } from '@/lib/cite/text-fragment';
import type { TimelineEntry } from '@/lib/messages';
import { formatDate } from '@/lib/ui/format';
import { webLink } from '@/lib/ui/web-link';
import type { Strings, UiLanguage } from '@/lib/ui/strings';
import { CiteButtons } from './CiteButtons';
import { Snippet } from './Snippet';

/** A link to one of the extension's pages, opened through `onNavigate` (a web page may not navigate to one). */
export type ExtensionLink = (url: string) => { href: string; onClick: (e: MouseEvent) => void; onAuxClick: (e: MouseEvent) => void };

export interface PassageItemProps {
  entry: Pick<TimelineEntry, 'documentId' | 'passageId' | 'title' | 'date' | 'publisher' | 'url' | 'language' | 'snippet' | 'quote'>;
  s: Strings;
  lang: UiLanguage;
  readerUrl: (documentId: string, passageId: string) => string;
  link: ExtensionLink;
  /** Puts text on the clipboard; false when the page or browser refused. */
  onCopy?: (text: string) => Promise<boolean>;
}

/**
 * One passage of the corpus in the card: date and document, the snippet, and what a reader does
 * with it: read it in context, open the original at the quoted sentence, copy a citation.
 */
export function PassageItem({ entry: t, s, lang, readerUrl, link, onCopy }: PassageItemProps) {
  const original = webLink(t.url);
  return (
    <li>
      <p class="source">
        <time dateTime={t.date}>{formatDate(t.date, lang)}</time> · <a {...link(readerUrl(t.documentId, t.passageId))}>{t.title}</a>
      </p>
      <p class="snippet" lang={t.language}>
        <Snippet snippet={t.snippet} />
      </p>
      <p class="links">
        <a class="reader" {...link(readerUrl(t.documentId, t.passageId))}>
          {s.readInContext}
        </a>
        {original ? (
          <>
            {' · '}
            {/* The text fragment scrolls the original article to the sentence quoted here. */}
            <a class="original" href={withTextFragment(original, t.quote)} target="_blank" rel="noopener noreferrer">
              {s.original}
              {t.publisher ? ` (${t.publisher})` : ''}
            </a>
          </>
        ) : null}
        {onCopy ? (
          <>
            {' · '}
            <CiteButtons source={() => ({ title: t.title, publisher: t.publisher, date: t.date, url: t.url, quote: t.quote })} s={s} onCopy={onCopy} />
          </>
        ) : null}
      </p>
    </li>
  );
}
