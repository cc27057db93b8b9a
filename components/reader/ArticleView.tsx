import { useEffect, useRef } from 'preact/hooks';
import { sentenceAround } from '@/lib/cite/sentence';
import type { ReaderDocument } from '@/lib/messages';
import { formatDate } from '@/lib/ui/format';
import { webLink } from '@/lib/ui/web-link';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { readerText } from '@/lib/i18n/reader';
import { CiteButtons } from '../CiteButtons';
import { copyText } from '../copy-text';

export interface ArticleViewProps {
  doc: ReaderDocument;
  lang: UiLanguage;
  /** The passage to scroll to and mark. */
  cited: string | null;
}

/** A corpus document as readers expect an article: title, date, source, text, cited passage marked. */
export function ArticleView({ doc, lang, cited }: ArticleViewProps) {
  const t = readerText(lang);
  const citedRef = useRef<HTMLElement>(null);
  useEffect(() => {
    const el = citedRef.current;
    if (!el) {
      // Another document without a cited passage opens at its title, not where the last one was.
      window.scrollTo(0, 0);
      return;
    }
    el.scrollIntoView({ block: 'center' });
    el.focus({ preventScroll: true });
  }, [doc.documentId, cited]);
  const editorial = (field: string) =>
    doc.editorial[field] ? (
      <abbr class="editorial" title={doc.editorial[field]}>
        {t('reader_editorialNote')}
      </abbr>
    ) : null;
  const original = webLink(doc.url);
  let lastHeading: string | null = null;
  return (
    <article lang={doc.language}>
      <header class="doc-header">
        <h1>
          {doc.title} {editorial('title')}
        </h1>
        <p class="meta" lang={lang}>
          <span>
            {t('reader_published')}: <time dateTime={doc.date}>{formatDate(doc.date, lang)}</time> {editorial('date')}
          </span>
          <span>
            {t('reader_publisher')}: {doc.publisher ?? t('reader_unknownPublisher')} {editorial('publisher')}
          </span>
        </p>
        <p class="meta" lang={lang}>
          {original ? (
            <>
              <a href={original} rel="noopener noreferrer" target="_blank" class="original">
                {t('reader_originalArticle')}
              </a>{' '}
              <span class="url">({hostOf(original)})</span> {editorial('url')}
            </>
          ) : (
            <span>{t('reader_noOriginal')}</span>
          )}
        </p>
        {doc.corrections.length ? (
          <details class="corrections" lang={lang}>
            <summary>{t.plural('reader_corrections', doc.corrections.length)}</summary>
            <ul>
              {doc.corrections.map((c, i) => (
                <li key={i}>
                  {c.what} <span class="why">{c.why}</span>
                </li>
              ))}
            </ul>
          </details>
        ) : null}
      </header>
      {doc.passages.map((p) => {
        const heading = p.heading !== lastHeading && p.heading ? <h2>{p.heading}</h2> : null;
        lastHeading = p.heading;
        const isCited = p.id === cited;
        return (
          <>
            {heading}
            <div key={p.id} class={isCited ? 'passage-block is-cited' : 'passage-block'}>
              <p
                id={`passage-${p.id}`}
                class={isCited ? 'passage cited' : 'passage'}
                ref={isCited ? (citedRef as never) : undefined}
                tabIndex={isCited ? -1 : undefined}
                aria-label={isCited ? t('reader_citedPassage') : undefined}
              >
                {isCited ? <mark>{p.text}</mark> : p.text}
              </p>
              <p class="passage-tools" lang={lang}>
                <CiteButtons
                  source={() => ({ title: doc.title, publisher: doc.publisher, date: doc.date, url: doc.url, quote: passageQuote(p.text, `passage-${p.id}`, doc.language) })}
                  t={cardText(lang)}
                  onCopy={(text) => copyText(text, document)}
                />
              </p>
            </div>
          </>
        );
      })}
    </article>
  );
}

/**
 * What a passage's citation quotes: the reader's selection when it lies inside the passage, else
 * the passage itself (cut at sentence and word boundaries when long).
 */
function passageQuote(text: string, elementId: string, lang: string): string {
  const sel = document.getSelection();
  const el = document.getElementById(elementId);
  const selected = sel && !sel.isCollapsed && el && el.contains(sel.anchorNode) && el.contains(sel.focusNode) ? sel.toString().trim() : '';
  return selected || sentenceAround(text, 0, text.length, lang);
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return url;
  }
}
