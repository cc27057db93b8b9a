import type { CorpusInfo } from '@/lib/messages';
import { siteKey, type Settings } from '@/lib/settings/defaults';
import { formatRange } from '@/lib/ui/format';
import { siteSwitchState } from '@/lib/ui/site-toggle';
import { cardText } from '@/lib/i18n/card';
import type { UiLanguage } from '@/lib/i18n/language';
import { pageText } from '@/lib/i18n/page';
import { popupText } from '@/lib/i18n/popup';
import { AllowSite, type AllowState } from './AllowSite';
import { Chips } from './Chips';
import type { PageState } from './use-page';

export type InfoState = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'info'; info: CorpusInfo };

export interface HomeProps {
  lang: UiLanguage;
  page: PageState;
  info: InfoState;
  settings: Settings;
  onShowEntity: (id: string) => void;
  onSearch: (text: string) => void;
  allow: AllowState;
  onAllow: (site: string) => void;
  onChooseWhere: () => void;
}

/** The popup before anything is typed: what this page names, where to start, which corpus answers. */
export function Home({ lang, page, info, settings, onShowEntity, onSearch, allow, onAllow, onChooseWhere }: HomeProps) {
  const t = popupText(lang);
  return (
    <>
      <section class="home-section" aria-labelledby="h-page">
        <h2 id="h-page">
          {t('popup_onThisPage')}
          {page.kind === 'page' && page.page.hostname ? <span class="host"> · {siteKey(page.page.hostname)}</span> : null}
          {page.kind === 'blocked' ? <span class="host"> · {page.site}</span> : null}
        </h2>
        {page.kind === 'blocked' ? (
          <AllowSite lang={lang} site={page.site} mode={settings.sites} state={allow} onAllow={() => onAllow(page.site)} onChooseWhere={onChooseWhere} />
        ) : (
          <OnThisPage lang={lang} page={page} settings={settings} onShowEntity={onShowEntity} />
        )}
      </section>
      {info.kind === 'info' && info.info.suggested.length ? (
        <section class="home-section" aria-labelledby="h-start">
          <h2 id="h-start">{t('popup_startWith')}</h2>
          <Chips label={t('popup_startWith')} items={info.info.suggested.map((e) => ({ key: e.id, text: e.name[lang] }))} onPick={onSearch} class="bare" />
        </section>
      ) : null}
      <p class="corpus" aria-live="polite">
        {info.kind === 'loading' ? <span class="later">{pageText(lang)('page_loading')}</span> : null}
        {info.kind === 'error' ? t('popup_corpusFailed', { error: info.message }) : null}
        {info.kind === 'info' ? (
          <>
            {t('popup_corpusVersion', { version: info.info.corpusVersion })} · {t.plural('popup_documents', info.info.documents)} ·{' '}
            <span class="nowrap">{formatRange(info.info.first, info.info.last, lang)}</span>
          </>
        ) : null}
      </p>
    </>
  );
}

function OnThisPage({ lang, page, settings, onShowEntity }: Pick<HomeProps, 'lang' | 'page' | 'settings' | 'onShowEntity'>) {
  const t = popupText(lang);
  if (page.kind === 'loading') return <p class="note later">{pageText(lang)('page_loading')}</p>;
  if (page.kind === 'error') return <p class="note">{t('popup_corpusFailed', { error: page.message })}</p>;
  if (page.kind === 'unreadable' || page.kind === 'blocked') {
    return (
      <div class="unreadable">
        <p class="note strong">{t('popup_cantRead')}</p>
        <p class="note small">{t('popup_cantReadWhy')}</p>
      </div>
    );
  }
  // The switch is the reader's latest word; the page may still be catching up with it.
  if (!settings.enabled) return <p class="note">{t('popup_allOff')}</p>;
  if (!siteSwitchState(settings, page.page.hostname).checked) return <p class="note">{settings.sites === 'chosen' ? t('popup_stopped') : t('popup_siteOff')}</p>;
  if (!page.page.rows.length) return <p class="note">{t('popup_nothingOnPage')}</p>;
  return (
    <ul class="page-entities">
      {page.page.rows.map((r) => (
        <li key={r.id}>
          <button type="button" class="page-entity" title={t('popup_showOnPage')} onClick={() => onShowEntity(r.id)}>
            <span class="name">{r.name}</span>
            <span class="kind">{cardText(lang)(`card_types_${r.type}`)}</span>
            <span class="count">
              <span aria-hidden="true">{r.count}</span>
              <span class="visually-hidden">, {t.plural('popup_mentions', r.count)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
