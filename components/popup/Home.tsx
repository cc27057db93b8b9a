import type { CorpusInfo } from '@/lib/messages';
import { siteKey, type Settings } from '@/lib/settings/defaults';
import { formatRange } from '@/lib/ui/format';
import { plural } from '@/lib/ui/plural';
import { siteSwitchState } from '@/lib/ui/site-toggle';
import { PAGE_STRINGS, STRINGS, fill, type UiLanguage } from '@/lib/ui/strings';
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
}

/** The popup before anything is typed: what this page names, where to start, which corpus answers. */
export function Home({ lang, page, info, settings, onShowEntity, onSearch }: HomeProps) {
  const s = PAGE_STRINGS[lang];
  return (
    <>
      <section class="home-section" aria-labelledby="h-page">
        <h2 id="h-page">
          {s.popup.onThisPage}
          {page.kind === 'page' && page.page.hostname ? <span class="host"> · {siteKey(page.page.hostname)}</span> : null}
        </h2>
        <OnThisPage lang={lang} page={page} settings={settings} onShowEntity={onShowEntity} />
      </section>
      {info.kind === 'info' && info.info.suggested.length ? (
        <section class="home-section" aria-labelledby="h-start">
          <h2 id="h-start">{s.popup.startWith}</h2>
          <Chips label={s.popup.startWith} items={info.info.suggested.map((e) => ({ key: e.id, text: e.name[lang] }))} onPick={onSearch} class="bare" />
        </section>
      ) : null}
      <p class="corpus" aria-live="polite">
        {info.kind === 'loading' ? <span class="later">{s.loading}</span> : null}
        {info.kind === 'error' ? fill(s.popup.corpusFailed, { error: info.message }) : null}
        {info.kind === 'info' ? (
          <>
            {fill(s.popup.corpusVersion, { version: info.info.corpusVersion })} · {plural(s.popup.documents, info.info.documents)} ·{' '}
            <span class="nowrap">{formatRange(info.info.first, info.info.last, lang)}</span>
          </>
        ) : null}
      </p>
    </>
  );
}

function OnThisPage({ lang, page, settings, onShowEntity }: Omit<HomeProps, 'info' | 'onSearch'>) {
  const s = PAGE_STRINGS[lang];
  if (page.kind === 'loading') return <p class="note later">{s.loading}</p>;
  if (page.kind === 'error') return <p class="note">{fill(s.popup.corpusFailed, { error: page.message })}</p>;
  if (page.kind === 'unreadable') {
    return (
      <div class="unreadable">
        <p class="note strong">{s.popup.cantRead}</p>
        <p class="note small">{s.popup.cantReadWhy}</p>
      </div>
    );
  }
  // The switch is the reader's latest word; the page may still be catching up with it.
  if (!settings.enabled) return <p class="note">{s.popup.allOff}</p>;
  if (!siteSwitchState(settings, page.page.hostname).checked) return <p class="note">{s.popup.siteOff}</p>;
  if (!page.page.rows.length) return <p class="note">{s.popup.nothingOnPage}</p>;
  return (
    <ul class="page-entities">
      {page.page.rows.map((r) => (
        <li key={r.id}>
          <button type="button" class="page-entity" title={s.popup.showOnPage} onClick={() => onShowEntity(r.id)}>
            <span class="name">{r.name}</span>
            <span class="kind">{STRINGS[lang].types[r.type]}</span>
            <span class="count">
              <span aria-hidden="true">{r.count}</span>
              <span class="visually-hidden">, {plural(s.popup.mentions, r.count)}</span>
            </span>
          </button>
        </li>
      ))}
    </ul>
  );
}
