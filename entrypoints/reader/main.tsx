import './style.css';
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ArticleView } from '@/components/reader/ArticleView';
import { EntityView } from '@/components/reader/EntityView';
import { SearchView } from '@/components/reader/SearchView';
import { createClient } from '@/lib/client';
import type { EntityCard, ReaderDocument, Request, SearchResults } from '@/lib/messages';
import { SETTINGS_KEY, readSettings } from '@/lib/settings/defaults';
import { documentHash, entityHash, parseReaderHash, searchHash, type ReaderRoute } from '@/lib/ui/reader-hash';
import { uiLanguage, type UiLanguage } from '@/lib/i18n/language';
import { pageText } from '@/lib/i18n/page';
import { readerText } from '@/lib/i18n/reader';

const ask = createClient((m: Request) => browser.runtime.sendMessage(m));

type View = { route: ReaderRoute; doc?: ReaderDocument | null; entity?: EntityCard | null; results?: SearchResults; error?: string };

function Reader({ lang }: { lang: UiLanguage }) {
  const t = readerText(lang);
  const pt = pageText(lang);
  const [view, setView] = useState<View | null>(null);
  const [query, setQuery] = useState('');
  useEffect(() => {
    const load = async () => {
      const route = parseReaderHash(location.hash);
      try {
        if (route.kind === 'document') setView({ route, doc: await ask({ type: 'document', id: route.doc }) });
        else if (route.kind === 'entity') setView({ route, entity: await ask({ type: 'lookupEntity', id: route.id }) });
        else if (route.kind === 'search') {
          setQuery(route.q);
          setView({ route, results: await ask({ type: 'search', query: route.q, limit: 50, lang }) });
        } else setView({ route });
      } catch (e) {
        setView({ route, error: (e as Error).message });
      }
    };
    void load();
    addEventListener('hashchange', load);
    return () => removeEventListener('hashchange', load);
  }, []);
  useEffect(() => {
    document.title = view?.doc ? t('reader_docTitle', { title: view.doc.title }) : view?.entity ? t('reader_docTitle', { title: view.entity.name[lang] }) : t('reader_readerTitle');
  }, [view]);
  return (
    <>
      <header class="bar">
        <a class="brand" href="#">
          {pt('page_brand')}
        </a>
        <form
          role="search"
          onSubmit={(e) => {
            e.preventDefault();
            if (query.trim()) location.hash = searchHash(query.trim());
          }}
        >
          <label for="q" class="visually-hidden">
            {pt('page_searchLabel')}
          </label>
          <input id="q" type="search" value={query} placeholder={pt('page_searchPlaceholder')} onInput={(e) => setQuery(e.currentTarget.value)} />
        </form>
      </header>
      <main id="main">
        {!view ? <p>{pt('page_loading')}</p> : null}
        {view?.error ? <p role="alert">{view.error}</p> : null}
        {view?.route.kind === 'document' && view.doc === null ? <p role="alert">{t('reader_notFound')}</p> : null}
        {view?.route.kind === 'document' && view.doc ? <ArticleView doc={view.doc} lang={lang} cited={view.route.passage} /> : null}
        {view?.route.kind === 'entity' && view.entity === null ? <p role="alert">{t('reader_entity_notFound')}</p> : null}
        {view?.entity ? <EntityView card={view.entity} lang={lang} passageHref={(d, p) => documentHash(d, p)} entityHref={entityHash} /> : null}
        {view?.results ? (
          <SearchView results={view.results} lang={lang} passageHref={(d, p) => documentHash(d, p)} queryHref={(q) => searchHash(q)} entityHref={entityHash} />
        ) : null}
        {view?.route.kind === 'home' ? <h1>{t('reader_readerTitle')}</h1> : null}
      </main>
    </>
  );
}

async function main() {
  const settings = readSettings((await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY]);
  const lang = uiLanguage(settings.language, navigator.language);
  document.documentElement.lang = lang;
  render(<Reader lang={lang} />, document.getElementById('app')!);
}

void main();
