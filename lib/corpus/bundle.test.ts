import { describe, expect, it } from 'vitest';
import { bundleProvenance, checkBundle, compareCorpusVersions, formatPath } from './bundle';
import { seedBundle } from './test-seeds';

const clone = <T>(v: T): T => structuredClone(v);
const errorsOf = (json: unknown) => {
  const r = checkBundle(json);
  return r.ok ? [] : r.errors;
};

describe('checkBundle', () => {
  it('accepts the bundle built from the seeds', () => {
    expect(checkBundle(JSON.parse(seedBundle().json)).ok).toBe(true);
  });
  it('names the field and shows the value of a bad date', () => {
    const b = clone(seedBundle().bundle) as Record<string, any>;
    b.documents[3].date = 'tomorrow';
    expect(errorsOf(b)).toEqual(['bundle: documents[3].date is not a date in the form YYYY-MM-DD (got "tomorrow")']);
  });
  it('refuses an impossible calendar date', () => {
    const b = clone(seedBundle().bundle) as Record<string, any>;
    b.documents[0].date = '2023-02-30';
    expect(errorsOf(b)[0]).toMatch(/^bundle: documents\[0\]\.date is not a real calendar date/);
  });
  it('says a required field is missing', () => {
    const b = clone(seedBundle().bundle) as Record<string, any>;
    delete b.documents[1].title;
    expect(errorsOf(b)[0]).toMatch(/^bundle: documents\[1\]\.title is missing/);
  });
  it('says the schema version is missing, naming the versions it knows, in the words of any missing field', () => {
    const b = clone(seedBundle().bundle) as Record<string, any>;
    delete b.schemaVersion;
    const [first] = errorsOf(b);
    expect(first).toMatch(/^bundle: schemaVersion is missing \(/);
    expect(first).not.toMatch(/Invalid/);
  });
  it('refuses another format by name', () => {
    expect(errorsOf({ format: 'something-else', schemaVersion: 1 })).toEqual(['bundle: format is "something-else", expected "hled-corpus"']);
  });
  it('refuses a schema version newer than it understands', () => {
    const b = { ...clone(seedBundle().bundle), schemaVersion: 7 };
    expect(errorsOf(b)[0]).toMatch(/schemaVersion 7 is newer than this extension understands \(2\)/);
  });
  it('refuses javascript: and data: URLs', () => {
    for (const url of ['javascript:alert(1)', 'data:text/html,<b>x</b>']) {
      const b = clone(seedBundle().bundle) as Record<string, any>;
      b.documents[0].url = url;
      expect(errorsOf(b)[0]).toMatch(/^bundle: documents\[0\]\.url is not an http\(s\) URL/);
    }
  });
  it('refuses a mention outside its passage', () => {
    const b = clone(seedBundle().bundle) as Record<string, any>;
    b.mentions[0].end = 1_000_000;
    expect(errorsOf(b)[0]).toMatch(/^bundle: mentions\[0\]\.end is outside its passage/);
  });
  it('refuses a mention of an unknown entity and duplicate ids', () => {
    const b = clone(seedBundle().bundle) as Record<string, any>;
    b.mentions[0].entity = 'nobody';
    b.entities.push(clone(b.entities[0]));
    const errors = errorsOf(b).join('\n');
    expect(errors).toMatch(/mentions\[0\]\.entity names no entity of the bundle \("nobody"\)/);
    expect(errors).toMatch(/entities\[\d+\]\.id duplicates entity id/);
  });
  it('refuses what is not an object', () => {
    expect(errorsOf('hello')).toEqual(['bundle: is not a JSON object']);
    expect(errorsOf(null)).toEqual(['bundle: is not a JSON object']);
  });
});

describe('formatPath', () => {
  it('writes Zod paths as readers write them', () => {
    expect(formatPath(['documents', 2, 'passages', 0, 'text'])).toBe('documents[2].passages[0].text');
    expect(formatPath([])).toBe('(root)');
  });
});

describe('compareCorpusVersions', () => {
  it.each([
    ['2025.01.02.10', '2025.01.02.9', 1],
    ['2024.12.31.1', '2025.01.01.1', -1],
    ['2025.01.01.1', '2025.01.01.1', 0],
  ])('%s vs %s', (a, b, want) => expect(compareCorpusVersions(a, b)).toBe(want));
});

describe('checkBundle across schema versions', () => {
  it('still reads a bundle of schema 1 (no signer, no data-as-of date) and refuses those fields in it', () => {
    const { signer: _s, dataAsOf: _d, ...rest } = clone(seedBundle().bundle) as Record<string, unknown>;
    const v1 = { ...rest, schemaVersion: 1 };
    const r = checkBundle(v1);
    expect(r.ok && bundleProvenance(r.bundle)).toEqual({ signer: null, dataAsOf: null });
    expect(checkBundle({ ...v1, signer: 'k' }).ok).toBe(false);
  });
  it('requires the data-as-of date in schema 2', () => {
    const { dataAsOf: _d, ...rest } = clone(seedBundle().bundle) as Record<string, unknown>;
    expect(errorsOf(rest)[0]).toMatch(/^bundle: dataAsOf is missing/);
  });
});
