import type { SearchResults } from '@/lib/messages';
import { formatDate, formatRange, roleTitle } from '@/lib/ui/format';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { around } from '@/lib/i18n/lookup';
import { pageText } from '@/lib/i18n/page';
import { readerText } from '@/lib/i18n/reader';
import { Snippet } from '../Snippet';

export interface SearchViewProps {
  results: SearchResults;
  lang: UiLanguage;
  /** Reader-page hash of a passage. */
  passageHref: (documentId: string, passageId: string) => string;
  queryHref: (q: string) => string;
  entityHref: (id: string) => string;
}

/** Search results of the corpus: entities first, then passages with the matched words marked. */
export function SearchView({ results, lang, passageHref, queryHref, entityHref }: SearchViewProps) {
  const t = pageText(lang);
  const [beforeSuggestions, afterSuggestions] = around(readerText(lang)('reader_didYouMean'), 'suggestions');
  const nothing = !results.entities.length && !results.passages.length;
  return (
    <section aria-live="polite">
      <h1>{t('page_resultsFor', { q: results.query })}</h1>
      {nothing ? (
        <p>
          {t('page_noResults', { q: results.query })}{' '}
          {results.suggestions.length ? (
            <>
              {beforeSuggestions}
              {results.suggestions.map((sug, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={queryHref(sug)}>{sug}</a>
                </>
              ))}
              {afterSuggestions}
            </>
          ) : null}
        </p>
      ) : null}
      {results.entities.length ? (
        <>
          <h2>{t('page_entities')}</h2>
          <ul class="entities">
            {results.entities.map((e) => (
              <li key={e.id}>
                <a href={entityHref(e.id)}>{e.name[lang]}</a> <span class="kind">{cardText(lang)(`card_types_${e.type}`)}</span>
                {e.role ? (
                  <span class="role">
                    {' '}
                    · {roleTitle(e.role, lang)} ({formatRange(e.role.from, e.role.to, lang)})
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {results.passages.length ? (
        <>
          <h2>{readerText(lang)('reader_passages')}</h2>
          <ol class="passages">
            {results.passages.map((p) => (
              <li key={p.passageId}>
                <p class="source">
                  <time dateTime={p.date}>{formatDate(p.date, lang)}</time> · <a href={passageHref(p.documentId, p.passageId)}>{p.title}</a>
                </p>
                <p class="snippet" lang={p.language}>
                  <Snippet snippet={p.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </>
      ) : null}
    </section>
  );
}
