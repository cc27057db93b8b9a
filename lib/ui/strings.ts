import type { EntityTypeName } from '../corpus/constants';

/**
 * Interface strings in English and Spanish. One small lookup that every page and the card
 * share; `browser.i18n` cannot switch language at run time, and the reader may choose one.
 */
export type UiLanguage = 'en' | 'es';

const en = {
  close: 'Close',
  cardLabel: 'About {name}',
  mentioned: { one: 'Mentioned in 1 document', other: 'Mentioned in {n} documents' },
  notMentioned: 'Not mentioned in the corpus yet',
  roles: 'Roles',
  mentions: 'In the corpus',
  related: 'Often mentioned with',
  readInContext: 'Read in context',
  original: 'Original article',
  searchCorpus: 'Search the corpus for “{name}”',
  since: 'since {date}',
  until: 'until {date}',
  editorial: 'editorial',
  types: { person: 'Person', program: 'Program', organization: 'Organization', law: 'Law', event: 'Event', place: 'Place' } satisfies Record<EntityTypeName, string>,
  scope: { core: 'HLED', peripheral: 'Context' },
  moreMentions: '{n} more in the corpus',
};

const es: typeof en = {
  close: 'Cerrar',
  cardLabel: 'Acerca de {name}',
  mentioned: { one: 'Mencionado en 1 documento', other: 'Mencionado en {n} documentos' },
  notMentioned: 'Aún no aparece en el corpus',
  roles: 'Cargos',
  mentions: 'En el corpus',
  related: 'Suele aparecer con',
  readInContext: 'Leer en contexto',
  original: 'Artículo original',
  searchCorpus: 'Buscar «{name}» en el corpus',
  since: 'desde {date}',
  until: 'hasta {date}',
  editorial: 'editorial',
  types: { person: 'Persona', program: 'Programa', organization: 'Organización', law: 'Ley', event: 'Evento', place: 'Lugar' },
  scope: { core: 'DEAN', peripheral: 'Contexto' },
  moreMentions: '{n} más en el corpus',
};

export const STRINGS = { en, es };
export type Strings = typeof en;

/** The interface language: the setting when forced, else the browser's. */
export function uiLanguage(setting: 'auto' | 'en' | 'es', browserLanguage: string): UiLanguage {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('es') ? 'es' : 'en';
}

/** Fills `{name}` placeholders. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/** Strings of the extension pages (reader, popup, options). */
export const PAGE_STRINGS = {
  en: {
    readerTitle: 'HLED Lens reader',
    published: 'Published',
    publisher: 'Publisher',
    unknownPublisher: 'Publisher unknown',
    originalArticle: 'Original article',
    noOriginal: 'Original article not found in a public source',
    editorialNote: 'editorial: not stated in the text',
    corrections: { one: '1 correction to the source text', other: '{n} corrections to the source text' },
    citedPassage: 'Cited passage',
    notFound: 'This document is not in the corpus.',
    searchLabel: 'Search the corpus',
    searchPlaceholder: 'Names, programs, agencies, topics…',
    resultsFor: 'Results for “{q}”',
    noResults: 'Nothing in the corpus matches “{q}”.',
    didYouMean: 'Did you mean',
    entities: 'People, programs and institutions',
    passages: 'Passages',
    loading: 'Loading…',
    language: { en: 'English', es: 'Spanish' },
    popup: {
      options: 'Options',
      suggestions: 'Suggestions',
      closest: 'Closest names in the corpus:',
      resultCount: { none: 'No results', one: '1 result', other: '{n} results' },
      moreInDocument: { one: '1 more passage from this document', other: '{n} more passages from this document' },
      allInReader: 'All results in the reader',
      searchFailed: 'The search did not answer: {error}',
      onThisPage: 'On this page',
      cantRead: 'HLED Lens can’t read this page.',
      cantReadWhy: 'Browser pages, the web store, PDFs and tabs that were open before HLED Lens was installed are out of its reach. Reload an ordinary web page to read it.',
      nothingOnPage: 'Nothing from the HLED corpus is named on this page.',
      siteOff: 'Highlighting is off on this site.',
      allOff: 'Highlighting is off on every site. Turn it on in Options.',
      mentions: { one: '1 mention', other: '{n} mentions' },
      showOnPage: 'Show it on the page',
      startWith: 'Start with',
      corpusVersion: 'Corpus {version}',
      documents: { one: '1 document', other: '{n} documents' },
      corpusFailed: 'The corpus is not available: {error}',
      highlightSite: 'Highlight on {host}',
    },
  },
  es: {
    readerTitle: 'Lector de HLED Lens',
    published: 'Publicado',
    publisher: 'Medio',
    unknownPublisher: 'Medio desconocido',
    originalArticle: 'Artículo original',
    noOriginal: 'Artículo original no encontrado en una fuente pública',
    editorialNote: 'editorial: no consta en el texto',
    corrections: { one: '1 corrección al texto de origen', other: '{n} correcciones al texto de origen' },
    citedPassage: 'Pasaje citado',
    notFound: 'Este documento no está en el corpus.',
    searchLabel: 'Buscar en el corpus',
    searchPlaceholder: 'Nombres, programas, dependencias, temas…',
    resultsFor: 'Resultados para «{q}»',
    noResults: 'Nada en el corpus coincide con «{q}».',
    didYouMean: '¿Quiso decir',
    entities: 'Personas, programas e instituciones',
    passages: 'Pasajes',
    loading: 'Cargando…',
    language: { en: 'inglés', es: 'español' },
    popup: {
      options: 'Opciones',
      suggestions: 'Sugerencias',
      closest: 'Nombres más cercanos en el corpus:',
      resultCount: { none: 'Sin resultados', one: '1 resultado', other: '{n} resultados' },
      moreInDocument: { one: '1 pasaje más de este documento', other: '{n} pasajes más de este documento' },
      allInReader: 'Todos los resultados en el lector',
      searchFailed: 'La búsqueda no respondió: {error}',
      onThisPage: 'En esta página',
      cantRead: 'HLED Lens no puede leer esta página.',
      cantReadWhy: 'Las páginas del navegador, la tienda web, los PDF y las pestañas abiertas antes de instalar HLED Lens quedan fuera de su alcance. Recargue una página web común para leerla.',
      nothingOnPage: 'Esta página no nombra nada del corpus del DEAN.',
      siteOff: 'El resaltado está desactivado en este sitio.',
      allOff: 'El resaltado está desactivado en todos los sitios. Actívelo en Opciones.',
      mentions: { one: '1 mención', other: '{n} menciones' },
      showOnPage: 'Mostrarlo en la página',
      startWith: 'Para empezar',
      corpusVersion: 'Corpus {version}',
      documents: { one: '1 documento', other: '{n} documentos' },
      corpusFailed: 'El corpus no está disponible: {error}',
      highlightSite: 'Resaltar en {host}',
    },
  },
};
export type PageStrings = (typeof PAGE_STRINGS)['en'];
