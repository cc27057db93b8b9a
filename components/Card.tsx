import type { EntityCard } from '@/lib/messages';
import { formatDate, formatRange, mentionSummary, roleTitle, rolesNewestFirst } from '@/lib/ui/format';
import { STRINGS, fill, type UiLanguage } from '@/lib/ui/strings';
import { Snippet } from './Snippet';

export interface CardProps {
  card: EntityCard;
  lang: UiLanguage;
  /** URL of the reader page at a passage / with a query (extension pages). */
  readerUrl: (documentId: string, passageId: string) => string;
  searchUrl: (query: string) => string;
  /** Opens an extension page: a web page may not navigate to one itself. */
  onNavigate: (url: string) => void;
  onClose: () => void;
  /** How many timeline entries to show before "N more". */
  maxTimeline?: number;
}

/**
 * The hover card: who or what it is, roles with dates, and the passages of the corpus that
 * mention it, each one click from the reader page and from the original article.
 */
export function Card({ card, lang, readerUrl, searchUrl, onNavigate, onClose, maxTimeline = 4 }: CardProps) {
  const s = STRINGS[lang];
  const other: UiLanguage = lang === 'en' ? 'es' : 'en';
  const name = card.name[lang];
  const otherName = card.name[other] !== name ? card.name[other] : null;
  const extensionLink = (url: string) => ({
    href: url,
    // Left click, Ctrl/Cmd-click and middle click all open the page in a new tab through the
    // background; the href stays real so the link can be copied.
    onClick: (e: MouseEvent) => {
      e.preventDefault();
      onNavigate(url);
    },
    onAuxClick: (e: MouseEvent) => {
      if (e.button !== 1) return;
      e.preventDefault();
      onNavigate(url);
    },
  });
  const roles = rolesNewestFirst(card.roles);
  // One entry per document first (newest first), so the card spans the corpus, not one article.
  const seen = new Set<string>();
  const firstPerDocument = card.timeline.filter((t) => !seen.has(t.documentId) && seen.add(t.documentId));
  const shown = [...firstPerDocument, ...card.timeline.filter((t) => !firstPerDocument.includes(t))]
    .slice(0, maxTimeline)
    .sort((a, b) => b.date.localeCompare(a.date));
  const more = card.timeline.length - shown.length;
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="hled-card-title" aria-describedby="hled-card-desc" tabIndex={-1} lang={lang}>
      <header>
        <p class="kind">
          {s.types[card.type]}
          {card.scope === 'core' ? <span class="badge">{s.scope.core}</span> : null}
        </p>
        <button type="button" class="close" aria-label={s.close} onClick={onClose}>
          ×
        </button>
        <h2 id="hled-card-title">{name}</h2>
        {otherName ? (
          <p class="alt" lang={other}>
            {otherName}
          </p>
        ) : null}
      </header>
      <p id="hled-card-desc" class="desc">
        {card.description[lang]}
      </p>
      {roles.length ? (
        <section aria-label={s.roles}>
          <ul class="roles">
            {roles.map((r) => (
              <li key={`${r.title_en}${r.from}`}>
                <span class="role">{roleTitle(r, lang)}</span> <span class="when">{formatRange(r.from, r.to, lang)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      <section aria-label={s.mentions}>
        <p class="summary">{mentionSummary(card.documents, card.first, card.last, lang)}</p>
        <ol class="timeline">
          {shown.map((t) => (
            <li key={t.passageId}>
              <p class="source">
                <time dateTime={t.date}>{formatDate(t.date, lang)}</time> · <a {...extensionLink(readerUrl(t.documentId, t.passageId))}>{t.title}</a>
              </p>
              <p class="snippet" lang={t.language}>
                <Snippet snippet={t.snippet} />
              </p>
              <p class="links">
                <a class="reader" {...extensionLink(readerUrl(t.documentId, t.passageId))}>
                  {s.readInContext}
                </a>
                {t.url ? (
                  <>
                    {' · '}
                    <a class="original" href={t.url} target="_blank" rel="noopener noreferrer">
                      {s.original}
                      {t.publisher ? ` (${t.publisher})` : ''}
                    </a>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ol>
        {more > 0 ? (
          <p class="more">
            <a {...extensionLink(searchUrl(name))}>{fill(s.moreMentions, { n: more })}</a>
          </p>
        ) : null}
      </section>
      <footer>
        <a class="search" {...extensionLink(searchUrl(name))}>
          {fill(s.searchCorpus, { name })}
        </a>
      </footer>
    </div>
  );
}
