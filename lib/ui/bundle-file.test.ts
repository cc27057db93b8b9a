import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { BundleFileError, readBundleFile } from './bundle-file';

const file = (bytes: Uint8Array | string, name: string) => Object.assign(new Blob([bytes as BlobPart]), { name });
const problem = async (p: Promise<unknown>) => ((await p.catch((e: unknown) => e)) as BundleFileError).problem;

describe('readBundleFile', () => {
  it('reads plain JSON and gzipped JSON alike', async () => {
    expect(await readBundleFile(file('{"a":1}', 'b.json'))).toBe('{"a":1}');
    expect(await readBundleFile(file(new Uint8Array(gzipSync('{"a":"ñ"}')), 'b.json.gz'))).toBe('{"a":"ñ"}');
    expect(await readBundleFile(file(new Uint8Array(gzipSync('{}')), 'renamed.json'))).toBe('{}');
  });
  it('refuses a file over the limit, saying the limit', async () => {
    expect(await problem(readBundleFile(file('x'.repeat(100), 'b.json'), 10))).toEqual({ code: 'too-large', bytes: 100, limit: 10 });
  });
  it('refuses a .gz that is not gzip, and a truncated gzip', async () => {
    expect(await problem(readBundleFile(file('{"a":1}', 'b.json.gz')))).toEqual({ code: 'not-gzip' });
    const gz = gzipSync('{"a":"'.padEnd(5000, 'x') + '"}');
    expect(await problem(readBundleFile(file(new Uint8Array(gz.subarray(0, gz.length - 20)), 'b.json.gz')))).toEqual({ code: 'not-gzip' });
  });
  it('refuses a gzip bomb past the limit', async () => {
    const bomb = gzipSync(Buffer.alloc(1_000_000, 0x20));
    expect((await problem(readBundleFile(file(new Uint8Array(bomb), 'b.json.gz'), 100_000))).code).toBe('too-large');
  });
  it('refuses bytes that are not text', async () => {
    expect(await problem(readBundleFile(file(new Uint8Array([0xff, 0xfe, 0xfd]), 'b.json')))).toEqual({ code: 'not-text' });
  });
});
