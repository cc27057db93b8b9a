import type { CorpusInfo, EntityCard, PassageHit } from '@/lib/messages';
import { formatDate, mentionSummary } from '@/lib/ui/format';
import { pageCountText, whyText, type WhyHighlight } from '@/lib/ui/why';
import { useState } from 'preact/hooks';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { PassageItem, type ExtensionLink } from './PassageItem';
import { RolesAsOf } from './RolesAsOf';
import { TimeAxis } from './TimeAxis';

export type Provenance = Pick<CorpusInfo, 'name' | 'corpusVersion' | 'dataAsOf' | 'signer'>;

export interface CardProps {
  card: EntityCard;
  lang: UiLanguage;
  /** URL of the reader page at a passage / with a query / at an entity's timeline (extension pages). */
  readerUrl: (documentId: string, passageId: string) => string;
  searchUrl: (query: string) => string;
  entityUrl: (id: string) => string;
  /** Opens an extension page: a web page may not navigate to one itself. */
  onNavigate: (url: string) => void;
  onClose: () => void;
  /** The article's publication date, when the page gives one: roles are read as of that day. */
  pageDate?: string | null;
  /** Passages related to the paragraph around the highlight; undefined while they load. */
  related?: readonly PassageHit[];
  /** The corpus the card comes from. */
  provenance?: Provenance | null;
  onCopy?: (text: string) => Promise<boolean>;
  /** Why this highlight is there (alias, language, rule) and how often the page names the entity. */
  why?: WhyHighlight | null;
  /** The page's site, for "never on this site". */
  site?: string;
  /** "Not this": hides this highlight on this page. */
  onNotThis?: () => void;
  /** Extends "not this" to the alias on the site from then on. */
  onNotThisOnSite?: () => Promise<void>;
  /** How many timeline entries to show before "N more". */
  maxTimeline?: number;
}

/**
 * The hover card: who or what it is, roles as of the article's date, when the corpus mentions it
 * (on a small time axis), the passages that do and those related to the paragraph being read,
 * each one click from the reader page, the original article and a citation.
 */
export function Card(props: CardProps) {
  const { card, lang, readerUrl, searchUrl, entityUrl, onNavigate, onClose, pageDate = null, related, provenance, onCopy, why, site, onNotThis, onNotThisOnSite, maxTimeline = 3 } = props;
  const t = cardText(lang);
  const [notThis, setNotThis] = useState<'no' | 'page' | 'site'>('no');
  const other: UiLanguage = lang === 'en' ? 'es' : 'en';
  const name = card.name[lang];
  const otherName = card.name[other] !== name ? card.name[other] : null;
  const link: ExtensionLink = (url: string) => ({
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
  // One entry per document first (newest first), so the card spans the corpus, not one article.
  const seen = new Set<string>();
  const firstPerDocument = card.timeline.filter((e) => !seen.has(e.documentId) && seen.add(e.documentId));
  const shown = [...firstPerDocument, ...card.timeline.filter((e) => !firstPerDocument.includes(e))]
    .slice(0, maxTimeline)
    .sort((a, b) => b.date.localeCompare(a.date));
  const more = card.timeline.length - shown.length;
  const shownIds = new Set(shown.map((e) => e.passageId));
  const relatedShown = (related ?? []).filter((r) => !shownIds.has(r.passageId));
  const documents = new Map(card.timeline.map((e) => [e.documentId, e]));
  return (
    <div class="card" role="dialog" aria-modal="false" aria-labelledby="hled-card-title" aria-describedby="hled-card-desc" tabIndex={-1} lang={lang}>
      <header>
        <p class="kind">
          {t(`card_types_${card.type}`)}
          {card.scope === 'core' ? <span class="badge">{t('card_scope_core')}</span> : null}
        </p>
        <button type="button" class="close" aria-label={t('card_close')} onClick={onClose}>
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
      {why ? (
        <section class="why" aria-label={t('card_whyLabel')}>
          <p>
            <span class="why-label">{t('card_whyLabel')}</span> <span class="why-text">{whyText(why, name, lang)}</span> <span class="count">{pageCountText(why.pageCount, lang)}</span>
          </p>
          {onNotThis && notThis === 'no' ? (
            <button
              type="button"
              class="not-this"
              aria-label={t('card_notThisLabel')}
              onClick={() => {
                onNotThis();
                setNotThis('page');
              }}
            >
              {t('card_notThis')}
            </button>
          ) : null}
          {notThis === 'page' ? (
            <p class="not-this-done" role="status">
              {t('card_hiddenHere')}{' '}
              {onNotThisOnSite && site ? (
                <button type="button" class="not-this-site" onClick={() => void onNotThisOnSite().then(() => setNotThis('site'))}>
                  {t('card_hideOnSite', { alias: why.alias, name, site })}
                </button>
              ) : null}
            </p>
          ) : null}
          {notThis === 'site' && site ? (
            <p class="not-this-done" role="status">
              {t('card_hiddenOnSite', { alias: why.alias, name, site })}
            </p>
          ) : null}
        </section>
      ) : null}
      <RolesAsOf card={card} pageDate={pageDate} t={t} lang={lang} />
      <section aria-label={t('card_mentions')}>
        <p class="summary">{mentionSummary(card.documents, card.first, card.last, lang)}</p>
        {documents.size ? (
          <TimeAxis
            marks={[...documents.values()].map((e) => ({ date: e.date, label: e.title }))}
            pageDate={pageDate}
            lang={lang}
            label={t(pageDate ? 'card_axisWithPage' : 'card_axis')}
            pageLabel={t('card_thisArticle')}
          />
        ) : null}
        <ol class="timeline">
          {shown.map((e) => (
            <PassageItem key={e.passageId} entry={e} t={t} lang={lang} readerUrl={readerUrl} link={link} onCopy={onCopy} />
          ))}
        </ol>
        {more > 0 ? (
          <p class="more">
            <a {...link(entityUrl(card.id))}>{t('card_moreMentions', { n: more })}</a>
          </p>
        ) : null}
      </section>
      {relatedShown.length ? (
        <section class="related" aria-labelledby="hled-related-title">
          <h3 id="hled-related-title">{t('card_relatedTitle')}</h3>
          <ol class="related-list">
            {relatedShown.map((e) => (
              <PassageItem key={e.passageId} entry={e} t={t} lang={lang} readerUrl={readerUrl} link={link} onCopy={onCopy} />
            ))}
          </ol>
        </section>
      ) : null}
      <footer>
        <p>
          <a class="all" {...link(entityUrl(card.id))}>
            {t('card_allMentions')}
          </a>
          {' · '}
          <a class="search" {...link(searchUrl(name))}>
            {t('card_searchCorpus', { name })}
          </a>
        </p>
        {provenance ? (
          <p class="provenance">
            {t('card_provenance', { name: provenance.name, version: provenance.corpusVersion, date: formatDate(provenance.dataAsOf, lang) })}
            {provenance.signer ? ` · ${t('card_signedBy', { signer: provenance.signer })}` : ''}
          </p>
        ) : null}
      </footer>
    </div>
  );
}
