import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { siteKey, type Settings } from '@/lib/settings/defaults';
import { clampActive, moveActive } from '@/lib/ui/list-nav';
import { resultList, suggestionChips, type ResultOption } from '@/lib/ui/popup-results';
import { documentHash, searchHash } from '@/lib/ui/reader-hash';
import { withSiteChosen } from '@/lib/sites/choice';
import { withSiteEnabled } from '@/lib/ui/site-toggle';
import { pageText } from '@/lib/i18n/page';
import { popupText } from '@/lib/i18n/popup';
import type { AllowState } from './AllowSite';
import { Chips } from './Chips';
import { messageOf, type PopupDeps } from './deps';
import { Home, type InfoState } from './Home';
import { LISTBOX_ID, ResultList, optionId } from './ResultList';
import { SiteSwitch } from './SiteSwitch';
import { usePage } from './use-page';
import { useSearch } from './use-search';

/** Passages shown per document before "n more": enough to judge a document, few enough to see the next. */
const PER_DOCUMENT = 3;

export interface PopupProps {
  deps: PopupDeps;
  initialSettings: Settings;
}

/** The toolbar popup: search the corpus, see what this page names, switch highlighting for this site. */
export function Popup({ deps, initialSettings }: PopupProps) {
  const { lang } = deps;
  const t = popupText(lang);
  const pt = pageText(lang);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(-1);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set());
  const [settings, setSettings] = useState(initialSettings);
  const [info, setInfo] = useState<InfoState>({ kind: 'loading' });
  const [allow, setAllow] = useState<AllowState>('idle');
  const search = useSearch(deps.search);
  const page = usePage(deps.page);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => {
    input.current?.focus();
    deps.corpusInfo().then(
      (value) => setInfo({ kind: 'info', info: value }),
      (e: unknown) => setInfo({ kind: 'error', message: messageOf(e) }),
    );
    return deps.settings.watch(setSettings);
  }, []);

  const results = query.trim() ? search.results : null;
  const list = useMemo(() => (results ? resultList(results, { perDocument: PER_DOCUMENT, expanded }) : null), [results, expanded]);
  const count = list?.flat.length ?? 0;
  // New results start with no option chosen; unfolding a document keeps the place.
  useEffect(() => {
    setActive(-1);
    setExpanded(new Set());
  }, [search.results]);
  useEffect(() => {
    if (active >= 0) document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' });
  }, [active, list]);

  const runNow = (text: string) => {
    setQuery(text);
    search.now(text);
    input.current?.focus();
  };
  const choose = (o: ResultOption) => {
    if (o.kind === 'entity') deps.openReader(searchHash(o.entity.name[lang]));
    else if (o.kind === 'passage') deps.openReader(documentHash(o.passage.documentId, o.passage.passageId));
    else setExpanded((x) => new Set([...x, o.documentId]));
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const next = moveActive(active, e.key, count);
    if (next !== null) {
      e.preventDefault();
      setActive(next);
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const at = clampActive(active, count);
      if (at >= 0 && list) choose(list.flat[at]!);
      else if (query.trim()) deps.openReader(searchHash(query.trim()));
    } else if (e.key === 'Escape' && query) {
      // Clear the box first; a second Escape closes the popup as usual.
      e.preventDefault();
      setQuery('');
      search.clear();
    }
  };
  const write = async (current: Settings, next: Settings) => {
    if (next === current) return false;
    setSettings(next);
    try {
      await deps.settings.write(next);
      return true;
    } catch {
      setSettings(current);
      return false;
    }
  };
  // Called straight from the click: `allowSite` asks the browser before anything else is awaited.
  const allowSite = async (site: string) => {
    const asking = deps.allowSite(site);
    setAllow('asking');
    const granted = await asking.catch(() => false);
    setAllow(granted ? 'idle' : 'refused');
    if (granted) void page.recheck(true);
  };
  const setSite = (on: boolean) => {
    if (page.state.kind !== 'page') return;
    const { hostname } = page.state.page;
    // "Only sites I choose": on asks for the site again, off stops there (the background gives
    // the site's access back and unregisters the script; the script in this tab stops itself).
    if (settings.sites === 'chosen' && on) return void allowSite(siteKey(hostname));
    void (async () => {
      const current = await deps.settings.read();
      const next = settings.sites === 'chosen' ? withSiteChosen(current, hostname, false) : withSiteEnabled(current, hostname, on);
      if (await write(current, next)) void page.recheck(on);
    })();
  };

  const nothing = results !== null && !results.entities.length && !results.passages.length;
  const chips = results ? suggestionChips(results, lang, nothing ? 5 : 3) : [];
  return (
    <div class="popup">
      <header class="top">
        <span class="brand">{pt('page_brand')}</span>
        <button type="button" class="link" onClick={() => deps.openOptions()}>
          {t('popup_options')}
        </button>
      </header>
      <div class="search" role="search">
        <label for="q" class="visually-hidden">
          {pt('page_searchLabel')}
        </label>
        <input
          id="q"
          ref={input}
          type="search"
          autoFocus
          autoComplete="off"
          spellcheck={false}
          placeholder={pt('page_searchPlaceholder')}
          value={query}
          role="combobox"
          // Preact's typings only accept a search box as a combobox with a `list`; ARIA in HTML
          // allows it without one (https://www.w3.org/TR/html-aria/#el-input-search).
          list={undefined}
          aria-autocomplete="list"
          aria-expanded={count > 0}
          aria-controls={LISTBOX_ID}
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          onInput={(e) => {
            const q = e.currentTarget.value;
            setQuery(q);
            if (q.trim()) search.update(q);
            else search.clear();
          }}
          onKeyDown={onKeyDown}
        />
      </div>
      <main class="body" aria-busy={query.trim() !== '' && results?.query.trim() !== query.trim()}>
        {!query.trim() ? (
          <Home
            lang={lang}
            page={page.state}
            info={info}
            settings={settings}
            onShowEntity={(id) => void deps.showEntity(id)}
            onSearch={runNow}
            allow={allow}
            onAllow={(site) => void allowSite(site)}
            onChooseWhere={() => deps.openOptions()}
          />
        ) : null}
        {query.trim() && search.error ? (
          <p class="note" role="alert">
            {t('popup_searchFailed', { error: search.error })}
          </p>
        ) : null}
        {query.trim() && !results && !search.error ? <p class="note later">{pt('page_loading')}</p> : null}
        {results ? (
          <>
            <p class="visually-hidden" role="status">
              {t.plural('popup_resultCount', count)}
            </p>
            {nothing ? (
              <>
                <p class="note">{pt('page_noResults', { q: results.query.trim() })}</p>
                <Chips label={t('popup_closest')} items={chips.map((t) => ({ key: t, text: t }))} onPick={runNow} class="stacked" />
              </>
            ) : (
              <Chips label={t('popup_suggestions')} items={chips.map((t) => ({ key: t, text: t }))} onPick={runNow} class="row" />
            )}
            {list && count ? (
              <>
                <ResultList
                  list={list}
                  lang={lang}
                  active={active}
                  label={pt('page_resultsFor', { q: results.query.trim() })}
                  onChoose={(i) => {
                    setActive(i);
                    choose(list.flat[i]!);
                  }}
                />
                <button type="button" class="link all" onClick={() => deps.openReader(searchHash(results.query.trim()))}>
                  {t('popup_allInReader')} <span aria-hidden="true">→</span>
                </button>
              </>
            ) : null}
          </>
        ) : null}
      </main>
      {page.state.kind === 'page' && page.state.page.hostname ? (
        <footer class="bottom">
          <SiteSwitch hostname={page.state.page.hostname} settings={settings} lang={lang} onChange={setSite} />
        </footer>
      ) : null}
    </div>
  );
}
