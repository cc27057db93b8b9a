import { describe, expect, it } from 'vitest';
import { addCorrection, correctionKey, correctionsFor, readCorrections, removeCorrection, type Correction } from './corrections';

const power: Correction = { site: 'www.Sports.example', alias: 'Power', entity: 'samantha-power', at: '2026-11-23T10:00:00Z' };

describe('corrections', () => {
  it('are stored once per site, alias and entity, with the site normalised', () => {
    let list = addCorrection([], power);
    list = addCorrection(list, { ...power, at: '2026-11-24T10:00:00Z' });
    expect(list).toEqual([{ ...power, site: 'sports.example', at: '2026-11-24T10:00:00Z' }]);
  });

  it('apply to the site and its subdomains only', () => {
    const list = addCorrection([], power);
    expect(correctionsFor(list, 'live.sports.example')).toEqual(new Set([correctionKey('samantha-power', 'Power')]));
    expect(correctionsFor(list, 'sports.example')).toEqual(new Set([correctionKey('samantha-power', 'Power')]));
    expect(correctionsFor(list, 'news.example').size).toBe(0);
  });

  it('are undone one at a time', () => {
    const other = { ...power, alias: 'Samantha Power' };
    const list = addCorrection(addCorrection([], power), other);
    expect(removeCorrection(list, { site: 'sports.example', alias: 'Power', entity: 'samantha-power' })).toEqual([{ ...other, site: 'sports.example' }]);
  });

  it('read only well-formed entries from storage', () => {
    expect(readCorrections(undefined)).toEqual([]);
    expect(readCorrections({ site: 'x' })).toEqual([]);
    expect(readCorrections([power, { site: 1 }, null, 'x'])).toEqual([power]);
  });
});
