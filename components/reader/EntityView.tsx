import type { EntityCard } from '@/lib/messages';
import { formatDate, formatRange, mentionSummary, roleTitle, rolesNewestFirst } from '@/lib/ui/format';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { readerText } from '@/lib/i18n/reader';
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
  const t = readerText(lang);
  const ct = cardText(lang);
  const byYear = new Map<string, EntityCard['timeline']>();
  for (const e of card.timeline) {
    const y = e.date.slice(0, 4);
    byYear.set(y, [...(byYear.get(y) ?? []), e]);
  }
  const documents = new Map(card.timeline.map((e) => [e.documentId, e.title]));
  const dates = new Map(card.timeline.map((e) => [e.documentId, e.date]));
  return (
    <article class="entity">
      <header class="doc-header">
        <p class="kind">{ct(`card_types_${card.type}`)}</p>
        <h1>{card.name[lang]}</h1>
        <p>{card.description[lang]}</p>
        {card.period ? <p class="meta">{formatRange(card.period.from, card.period.to ?? null, lang)}</p> : null}
        {card.roles.length ? (
          <>
            <h2>{ct('card_roles')}</h2>
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
          label={ct('card_axis')}
          pageLabel={ct('card_thisArticle')}
          width={640}
        />
      </header>
      <h2>{t('reader_entity_timeline')}</h2>
      {[...byYear].map(([year, entries]) => (
        <section key={year} class="year" aria-labelledby={`year-${year}`}>
          <h3 id={`year-${year}`}>
            {year} <span class="kind">{t.plural('reader_entity_passages', entries.length)}</span>
          </h3>
          <ol class="passages">
            {entries.map((e) => (
              <li key={e.passageId}>
                <p class="source">
                  <time dateTime={e.date}>{formatDate(e.date, lang)}</time> · <a href={passageHref(e.documentId, e.passageId)}>{e.title}</a>
                </p>
                <p class="snippet" lang={e.language}>
                  <Snippet snippet={e.snippet} />
                </p>
              </li>
            ))}
          </ol>
        </section>
      ))}
      {card.related.length ? (
        <>
          <h2>{t('reader_entity_oftenWith')}</h2>
          <ul class="entities">
            {card.related.map((r) => (
              <li key={r.id}>
                <a href={entityHref(r.id)}>{r.name[lang]}</a> <span class="kind">{ct(`card_types_${r.type}`)} · {t.plural('reader_entity_together', r.count)}</span>
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}
