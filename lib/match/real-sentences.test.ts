/**
 * The rules on real sentences, against the real catalog: each confusable word of the press next to
 * the same word naming one of our entities.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedTable } from '../../bench/match';
import { buildBundle } from '../corpus/build';
import { readSeeds } from '../corpus/seeds-node';
import { buildMatcherTable, compileMatcher, findMentions, scanText } from './index';

const bundle = buildBundle(readSeeds(path.resolve(__dirname, '../../seeds'))).bundle;
const matcher = compileMatcher(buildMatcherTable(bundle.corpusVersion, bundle.entities));
const found = (text: string) => findMentions(matcher, text).map((m) => `${text.slice(m.start, m.end)}=${matcher.table.entities[m.entity]!.id}`);

describe('real sentences: confusable words stay quiet', () => {
  it.each([
    ['a university dean', 'The board of regents named Laura White as dean of the College of Engineering.'],
    ['DEAN in a capitals run', 'The DEAN OF STUDENTS office will move to the new library building.'],
    ['"Sep." as a month', 'The second vote is scheduled for Sep. 9, and the developer expects to break ground.'],
    ['Mesa, Arizona', 'MESA, Ariz. — The Mesa City Council voted 5-2 on Monday to approve 400 apartments.'],
    ['potato and computer chips', 'Sales of potato chips rose, and a maker of computer chips said its memory chips would ship soon.'],
    ['a stock that surges', 'Its shares surge after hours as the stock SURGES TO A RECORD HIGH.'],
    ['ATP rankings', 'Rodrigo Ramírez rose to No. 84 in the ATP rankings after reaching the semifinals.'],
    ['Spanish "se" and "SE"', 'Se reanudarán las clases el lunes. SE ANUNCIA QUE LAS ESCUELAS ABRIRÁN A LAS OCHO.'],
    ['"sep." in Spanish dates', 'La mesa directiva se reunirá el 3 de sep. para revisar el calendario.'],
    ['other Moctezumas', 'El museo inaugura una exposición sobre Moctezuma II, el gobernante mexica.'],
    ['a Donna and a Douglas', 'The draw is led by Donna Vekić; Mayor John Douglas said the project would help.'],
  ])('%s', (_, sentence) => {
    expect(found(sentence)).toEqual([]);
  });
});

describe('real sentences: the same words naming our entities', () => {
  it('"Otay Mesa" with a core mention on the page', () => {
    expect(found('At Otay Mesa, trucks wait three hours; the High-Level Economic Dialogue lists faster crossings.')).toEqual([
      'Otay Mesa=otay-mesa-poe',
      'High-Level Economic Dialogue=hled',
    ]);
  });
  it('a surname alone counts only when the page names the person in full', () => {
    const page = 'Ambassador Ken Salazar called the day a new start. Salazar has made the dialogue a priority.';
    expect(found(page)).toEqual(['Ken Salazar=ken-salazar', 'Salazar=ken-salazar']);
    expect(found('Dean Robert Salazar retires after twelve years; the HLED met in Washington.')).toEqual(['HLED=hled']);
  });
  it('"el DEAN" (a Spanish article before a Spanish acronym) vouches for the page, "the DEAN" does not', () => {
    expect(found('La FDA indicó que el acuerdo se inscribe en el DEAN.')).toEqual(['FDA=fda', 'DEAN=hled']);
    expect(found('The FDA spoke to the DEAN of the faculty.')).toEqual([]);
  });
  it('SE in capitals names the Secretaría de Economía only on a page about the dialogue', () => {
    expect(found('Según la SE, la Ventanilla Única de Inversión ya atendió a 200 empresas.')).toEqual([
      'SE=secretaria-de-economia',
      'Ventanilla Única de Inversión=ventanilla-unica-de-inversion',
    ]);
  });
  it('the wire services\' names for the Secretaría de Economía, on a page about the dialogue', () => {
    expect(found("Mexico's Economy Ministry said the High-Level Economic Dialogue would meet in May.")).toEqual([
      'Economy Ministry=secretaria-de-economia',
      'High-Level Economic Dialogue=hled',
    ]);
    expect(found("Germany's Economy Ministry said exports fell.")).toEqual([]);
  });
  it('USAID in Spanish with or without the article', () => {
    expect(found('La Agencia de Estados Unidos para el Desarrollo Internacional y la Agencia de los Estados Unidos para el Desarrollo Internacional apoyan Sembrando Oportunidades.')).toEqual([
      'Agencia de Estados Unidos para el Desarrollo Internacional=usaid',
      'Agencia de los Estados Unidos para el Desarrollo Internacional=usaid',
      'Sembrando Oportunidades=sembrando-oportunidades',
    ]);
  });
  it('the E.P.A. and EE.UU. keep their closing period', () => {
    expect(found('The E.P.A. joined; el Representante Comercial de EE.UU. habló del DEAN.')).toEqual([
      'E.P.A.=epa',
      'Representante Comercial de EE.UU.=ustr',
      'DEAN=hled',
    ]);
  });
  it('a name broken across a line', () => {
    expect(found('hosted the delegation led by Foreign Minister Marcelo\nEbrard on Thursday.')).toEqual(['Marcelo\nEbrard=marcelo-ebrard']);
  });
});

describe('the matcher at scale', () => {
  it('finds every alias of a 20,000-alias generated table, longest first', () => {
    const table = generatedTable(5000);
    const scaled = compileMatcher(table);
    const sample = table.aliases.filter((_, i) => i % 97 === 0);
    const text = sample.map((a) => `Según fuentes, ${a.text} anunció cambios.`).join('\n\n');
    const hits = scanText(scaled, text);
    expect(hits.map((h) => table.aliases[h.alias]!.text)).toEqual(sample.map((a) => a.text));
  });
});
