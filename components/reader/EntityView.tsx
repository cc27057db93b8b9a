import type { EntityCard } from '@/lib/messages';
import { formatDate, formatRange, mentionSummary, roleTitle, rolesNewestFirst } from '@/lib/ui/format';
import { PAGE_STRINGS, STRINGS, fill, type UiLanguage } from '@/lib/ui/strings';
import { Snippet } from '../Snippet';
import { TimeAxis } from '../TimeAxis';

export interface EntityViewProps {
  card: EntityCard;
  lang: UiLanguage;
  passageHref: (documentId: string, passageId: string) => string;
  entityHref: (id: string) => string;
}

/**
 * An entity's full timeline on the reader page: who or what it is, its roles, every passage of
 * the corpus that mentions it grouped by year (newest first), and the entities most often
 * mentioned with it.
 */
export function EntityView({ card, lang, passageHref, entityHref }: EntityViewProps) {
  const s = PAGE_STRINGS[lang].entity;
  const cs = STRINGS[lang];
  const byYear = new Map<string, EntityCard['timeline']>();
  for (const t of card.timeline) {
    const y = t.date.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), t]);
  }
  const documents = new Map(card.timeline.map((t) => [t.documentId, t.title]));
  const dates = new Map(card.timeline.map((t) => [t.documentId, t.date]));
  return (
    <article class="entity">
      <header class="doc-header">
        <p class="kind">{cs.types[card.type]}</p>
        <h1>{card.name[lang]}</h1>
        <p>{card.description[lang]}</p>
        {card.period ? <p class="meta">{formatRange(card.period.from, card.period.to ?? null, lang)}</p> : null}
        {card.roles.length ? (
          <>
            <h2>{s.roles}</h2>
            <ul class="roles">
              {rolesNewestFirst(card.roles).map((r) => (
                <li key={`${r.title_en}${r.from}`}>
                  {roleTitle(r, lang)} <span class="kind">{formatRange(r.from, r.to, lang)}</span>
                </li>
              ))}
            </ul>
          </>
        ) : null}
        <p class="meta">{mentionSummary(card.documents, card.first, card.last, lang)}</p>
        <TimeAxis
          marks={[...documents].map(([id, title]) => ({ date: dates.get(id)!, label: title }))}
          lang={lang}
          label={cs.axis}
          pageLabel={cs.thisArticle}
          width={640}
        />
      </header>
      <h2>{s.timeline}</h2>
      {[...byYear].map(([year, entries]) => (
        <section key={year} class="year" aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`}>
            {year} <span class="kind">{entries.length === 1 ? s.passages.one : fill(s.passages.other, { n: entries.length })}</span>
          </h3>
          <ol class="passages">
            {entries.map((t) => (
              <li key={t.passageId}>
                <p class="source">
                  <time dateTime={t.date}>{formatDate(t.date, lang)}</time> · <a href={passageHref(t.documentId, t.passageId)}>{t.title}</a>
                </p>
                <p class="snippet" lang={t.language}>
                  <Snippet snippet={t.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {card.related.length ? (
        <>
          <h2>{s.oftenWith}</h2>
          <ul class="entities">
            {card.related.map((r) => (
              <li key={r.id}>
                <a href={entityHref(r.id)}>{r.name[lang]}</a> <span class="kind">{cs.types[r.type]} · {r.count === 1 ? s.together.one : fill(s.together.other, { n: r.count })}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
