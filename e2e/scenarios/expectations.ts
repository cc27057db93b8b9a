import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../harness/chromium';

/**
 * What a reader of each fixture expects to see highlighted, in document order, with the element
 * (nearest id) each mention sits in and the catalog entity it names.
 */
export const ARTICLE_EN: [text: string, within: string, entity: string][] = [
  ['Marcelo Ebrard', 'p-lede', 'marcelo-ebrard'],
  ['High-Level Economic Dialogue', 'p-hled', 'hled'],
  ['HLED', 'p-hled', 'hled'],
  ['Gina Raimondo', 'p-hled', 'gina-raimondo'],
  ['Ebrard', 'p-ebrard', 'marcelo-ebrard'],
  // "Ebrard’s team": the name without the possessive.
  ['Ebrard', 'p-ebrard', 'marcelo-ebrard'],
  ['CHIPS and Science Act', 'p-chips', 'chips-and-science-act'],
  ['One-Stop Shop for Investors', 'p-onestop', 'ventanilla-unica-de-inversion'],
  ['COFEPRIS', 'p-onestop', 'cofepris'],
  ['USAID', 'p-sembrando', 'usaid'],
  ['Sembrando Oportunidades', 'p-sembrando', 'sembrando-oportunidades'],
  // The port of entry: an ambiguous place name, counted because the page is about the HLED.
  ['Otay Mesa', 'p-otay', 'otay-mesa-poe'],
  ['Ken Salazar', 'p-salazar', 'ken-salazar'],
  ['Salazar', 'p-salazar', 'ken-salazar'],
  // Inside a link.
  ['Marcelo Ebrard', 'link-ebrard', 'marcelo-ebrard'],
];

export const ARTICLE_ES: [text: string, within: string, entity: string][] = [
  ['Diálogo Económico de Alto Nivel', 'p-entrada', 'hled'],
  ['DEAN', 'p-entrada', 'hled'],
  ['Marcelo Ebrard', 'p-ebrard', 'marcelo-ebrard'],
  ['Ebrard', 'p-ebrard', 'marcelo-ebrard'],
  ['Secretaría de Economía', 'p-economia', 'secretaria-de-economia'],
  ['Ventanilla Única de Inversión', 'p-ventanilla', 'ventanilla-unica-de-inversion'],
  ['Cofepris', 'p-ventanilla', 'cofepris'],
  ['Usaid', 'p-sembrando', 'usaid'],
  ['Sembrando Oportunidades', 'p-sembrando', 'sembrando-oportunidades'],
  ['Rogelio Ramírez de la O', 'p-hacienda', 'rogelio-ramirez-de-la-o'],
  ['Ramírez', 'p-hacienda', 'rogelio-ramirez-de-la-o'],
  ['Ken Salazar', 'p-salazar', 'ken-salazar'],
];

export interface CatalogEntity {
  id: string;
  name: { en: string; es: string };
  roles?: { title_en: string; title_es: string; from: string; to: string | null }[];
}
export interface Catalog {
  documents: { id: string; title: string; date: string }[];
  entities: CatalogEntity[];
}

/** The catalog the extension is built from, and the seed texts, for expectations made independently of the extension. */
export async function loadCorpusFacts() {
  const seedsDir = path.join(REPO_ROOT, 'seeds');
  const catalog = JSON.parse(await readFile(path.join(seedsDir, 'catalog.json'), 'utf8')) as Catalog;
  const texts = new Map<string, string>();
  for (const file of await readdir(seedsDir)) {
    if (file.endsWith('.txt')) texts.set(file.replace(/\.txt$/, ''), await readFile(path.join(seedsDir, file), 'utf8'));
  }
  const entity = (id: string) => {
    const e = catalog.entities.find((x) => x.id === id);
    if (!e) throw new Error(`catalog has no entity ${id}`);
    return e;
  };
  /** Corpus documents whose text contains `word`, with their dates. */
  const documentsNaming = (word: string) =>
    new Map(catalog.documents.filter((d) => texts.get(d.id)?.includes(word)).map((d) => [d.id, d.date]));
  return { catalog, entity, documentsNaming };
}

/** `{ doc, p }` of a reader-page URL (`reader.html#doc=…&p=…`). */
export function readerTarget(href: string): { doc: string | null; p: string | null } {
  const params = new URLSearchParams(new URL(href).hash.slice(1));
  return { doc: params.get('doc'), p: params.get('p') };
}

export type CorpusFacts = Awaited<ReturnType<typeof loadCorpusFacts>>;
