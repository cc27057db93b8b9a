import { withTextFragment } from '@/lib/cite/text-fragment';
import type { TimelineEntry } from '@/lib/messages';
import { formatDate } from '@/lib/ui/format';
import { webLink } from '@/lib/ui/web-link';
import type { CardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { CiteButtons } from './CiteButtons';
import { Snippet } from './Snippet';

/** A link to one of the extension's pages, opened through `onNavigate` (a web page may not navigate to one). */
export type ExtensionLink = (url: string) => { href: string; onClick: (e: MouseEvent) => void; onAuxClick: (e: MouseEvent) => void };

export interface PassageItemProps {
  entry: Pick<TimelineEntry, 'documentId' | 'passageId' | 'title' | 'date' | 'publisher' | 'url' | 'language' | 'snippet' | 'quote'>;
  t: CardText;
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
export function PassageItem({ entry: e, t, lang, readerUrl, link, onCopy }: PassageItemProps) {
  const original = webLink(e.url);
  return (
    <li>
      <p class="source">
        <time dateTime={e.date}>{formatDate(e.date, lang)}</time> · <a {...link(readerUrl(e.documentId, e.passageId))}>{e.title}</a>
      </p>
      <p class="snippet" lang={e.language}>
        <Snippet snippet={e.snippet} />
      </p>
      <p class="links">
        <a class="reader" {...link(readerUrl(e.documentId, e.passageId))}>
          {t('card_readInContext')}
        </a>
        {original ? (
          <>
            {' · '}
            {/* The text fragment scrolls the original article to the sentence quoted here. */}
            <a class="original" href={withTextFragment(original, e.quote)} target="_blank" rel="noopener noreferrer">
              {t('card_original')}
              {e.publisher ? ` (${e.publisher})` : ''}
            </a>
          </>
        ) : null}
        {onCopy ? (
          <>
            {' · '}
            <CiteButtons source={() => ({ title: e.title, publisher: e.publisher, date: e.date, url: e.url, quote: e.quote })} t={t} onCopy={onCopy} />
          </>
        ) : null}
      </p>
    </li>
  );
}
