import type { SearchResults } from '@/lib/messages';
import { formatDate, formatRange, roleTitle } from '@/lib/ui/format';
import { PAGE_STRINGS, STRINGS, fill, type UiLanguage } from '@/lib/ui/strings';
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
  const s = PAGE_STRINGS[lang];
  const nothing = !results.entities.length && !results.passages.length;
  return (
    <section aria-live="polite">
      <h1>{fill(s.resultsFor, { q: results.query })}</h1>
      {nothing ? (
        <p>
          {fill(s.noResults, { q: results.query })}{' '}
          {results.suggestions.length ? (
            <>
              {s.didYouMean}{' '}
              {results.suggestions.map((sug, i) => (
                <>
                  {i ? ', ' : ''}
                  <a href={queryHref(sug)}>{sug}</a>
                </>
              ))}
              {lang === 'es' ? '?' : '?'}
            </>
          ) : null}
        </p>
      ) : null}
      {results.entities.length ? (
        <>
          <h2>{s.entities}</h2>
          <ul class="entities">
            {results.entities.map((e) => (
              <li key={e.id}>
                <a href={entityHref(e.id)}>{e.name[lang]}</a> <span class="kind">{STRINGS[lang].types[e.type]}</span>
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
          <h2>{s.passages}</h2>
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
