/**
 * The annotation bench's pages: real news markup from `../shared/pages/` (scripts removed, all
 * other markup kept), combined into one large article page, with sentences naming the catalog's
 * entities written into its paragraphs. The dense variant is the same page with many more.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PAGES_DIR } from './paths';

/** The host page, and the page whose body (and styles) is appended to it. */
const HOST = 'yahoo-2.html';
const APPENDED = 'guardian-1.html';

/** Sentences a news article about the HLED could contain, in English and Spanish. */
export const SENTENCES = [
  'Marcelo Ebrard and Gina Raimondo met in Washington to review the work of the High-Level Economic Dialogue.',
  'The HLED, relaunched in 2021, set out four pillars for economic cooperation between both countries.',
  'Ambassador Ken Salazar said the One-Stop Shop for Investors would cut the time needed to open a new plant.',
  'COFEPRIS and the FDA agreed to continue the Medical Devices Regulatory Convergence project.',
  'USAID funds Sembrando Oportunidades, a program for young people in southern Mexico and Central America.',
  'Antony J. Blinken and Tatiana Clouthier chaired the 2022 session of the HLED in Mexico City.',
  'Rogelio Ramírez de la O spoke about financing for the semiconductor supply chain action plan.',
  'The U.S.-Mexico Supply Chain Task Force reported progress on semiconductors and medical devices.',
  'Jayme White, the Deputy U.S. Trade Representative, joined Esteban Moctezuma at the HLED meeting.',
  'The Cyber Issues Task Force discussed the NIST Cybersecurity Framework with Mexican officials.',
  'Greening Border Transportation projects at Otay Mesa aim to cut truck emissions at the border.',
  'Under the CHIPS and Science Act, the Department of Commerce is mapping suppliers in Mexico.',
  'Ebrard told reporters that the Ventanilla Única de Inversión is now open to every investor.',
  'Raimondo said the High-Level Economic Dialogue had become the main forum for North American supply chains.',
  'English for Semiconductor Industry, launched by the HLED, trains technicians in both countries.',
  'Salazar praised Sembrando Oportunidades and the work of USAID with farmers in Central America.',
  'El Diálogo Económico de Alto Nivel (DEAN) reunió a Marcelo Ebrard y Gina Raimondo en la Ciudad de México.',
  'La Secretaría de Economía y USAID presentaron los resultados de Sembrando Oportunidades.',
  'Ken Salazar destacó el papel de COFEPRIS en la convergencia regulatoria de dispositivos médicos.',
  'Tatiana Clouthier y Antony Blinken revisaron los cuatro pilares del DEAN.',
  'La Ventanilla Única de Inversión simplifica los trámites para las empresas, dijo Marcelo Ebrard.',
  'Rogelio Ramírez de la O y Gina Raimondo hablaron de semiconductores en el marco del DEAN.',
  'The Binational Group on Bridges and Border Crossings met before the HLED to plan new crossings.',
  'Investing in our people, the fourth pillar of the HLED, includes training for workers in both countries.',
];

function strip(html: string): string {
  return html.replace(/<script\b[^>]*>[\s\S]*?<\/script\s*>/gi, '');
}

/** The body's inner HTML and every <style> block of a page (scripts removed). */
function bodyAndStyles(html: string): string {
  const s = strip(html);
  const styles = s.match(/<style\b[^>]*>[\s\S]*?<\/style\s*>/gi) ?? [];
  const open = /<body\b[^>]*>/i.exec(s);
  const close = s.toLowerCase().lastIndexOf('</body>');
  const body = open ? s.slice(open.index + open[0].length, close > open.index ? close : undefined) : s;
  return `${styles.filter((st) => !body.includes(st)).join('\n')}\n${body}`;
}

/** Writes `count` sentences into the page's paragraphs, round-robin, just before each `</p>`. */
function insertSentences(html: string, count: number): { html: string; paragraphs: number } {
  const ends: number[] = [];
  const re = /<\/p\s*>/gi;
  const bodyStart = html.search(/<body\b/i);
  for (let m = re.exec(html); m; m = re.exec(html)) if (m.index > bodyStart) ends.push(m.index);
  const per = new Array<string[]>(ends.length).fill([]).map(() => [] as string[]);
  for (let i = 0; i < count; i++) per[i % ends.length]!.push(SENTENCES[i % SENTENCES.length]!);
  let out = '';
  let last = 0;
  ends.forEach((at, i) => {
    out += html.slice(last, at) + (per[i]!.length ? ` ${per[i]!.join(' ')}` : '');
    last = at;
  });
  return { html: out + html.slice(last), paragraphs: ends.length };
}

export interface BenchPage {
  html: string;
  bytes: number;
  sentences: number;
  paragraphs: number;
  sources: string[];
}

/**
 * The large page with `sentences` inserted sentences (≈150 for the article, many more for the
 * dense variant); other pages of `../shared/pages/` can host it, each appended one adding its body.
 */
export function buildPage(sentences: number, sources: readonly string[] = [HOST, APPENDED]): BenchPage {
  const [first, ...rest] = sources;
  let combined = strip(readFileSync(path.join(PAGES_DIR, first!), 'utf8'));
  for (const name of rest) {
    const appended = bodyAndStyles(readFileSync(path.join(PAGES_DIR, name), 'utf8'));
    const close = combined.toLowerCase().lastIndexOf('</body>');
    combined = close >= 0 ? `${combined.slice(0, close)}\n${appended}\n${combined.slice(close)}` : `${combined}\n${appended}`;
  }
  const { html, paragraphs } = insertSentences(combined, sentences);
  return { html, bytes: Buffer.byteLength(html, 'utf8'), sentences, paragraphs, sources: [...sources] };
}
