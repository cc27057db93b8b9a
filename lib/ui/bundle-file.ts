/** Largest bundle file the options page reads (a runtime message carries it to the background). */
export const MAX_BUNDLE_FILE_BYTES = 50 * 1024 * 1024;

export type FileProblem =
  | { code: 'too-large'; bytes: number; limit: number }
  | { code: 'not-gzip' }
  | { code: 'not-text' };

export class BundleFileError extends Error {
  constructor(readonly problem: FileProblem) {
    super(`bundle file: ${problem.code}`);
    this.name = 'BundleFileError';
  }
}

const GZIP_MAGIC = [0x1f, 0x8b];

/**
 * The text of a bundle file: plain `.json`, or gzipped (`.json.gz`, recognised by its magic
 * bytes, not its name). Refuses files over the limit before reading them, a `.gz` name that is
 * not gzip, and bytes that are not UTF-8 text.
 */
export async function readBundleFile(file: Blob & { name?: string }, limit = MAX_BUNDLE_FILE_BYTES): Promise<string> {
  return decodeBundleBytes(await readBundleBytes(file, limit));
}

/** The bytes of a bundle file, gunzipped when gzipped: what a signature covers. */
export async function readBundleBytes(file: Blob & { name?: string }, limit = MAX_BUNDLE_FILE_BYTES): Promise<Uint8Array> {
  if (file.size > limit) throw new BundleFileError({ code: 'too-large', bytes: file.size, limit });
  const head = new Uint8Array(await file.slice(0, 2).arrayBuffer());
  const gzipped = head[0] === GZIP_MAGIC[0] && head[1] === GZIP_MAGIC[1];
  if (!gzipped && file.name?.toLowerCase().endsWith('.gz')) throw new BundleFileError({ code: 'not-gzip' });
  let bytes: Uint8Array;
  if (gzipped) {
    try {
      const stream = file.stream().pipeThrough(new DecompressionStream('gzip'));
      bytes = await readLimited(stream, limit * 4);
    } catch (e) {
      if (e instanceof BundleFileError) throw e;
      throw new BundleFileError({ code: 'not-gzip' });
    }
  } else bytes = new Uint8Array(await file.arrayBuffer());
  return bytes;
}

/** UTF-8 text of bundle bytes; refuses bytes that are not UTF-8. */
export function decodeBundleBytes(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new BundleFileError({ code: 'not-text' });
  }
}

/** Reads a stream, refusing to inflate past `limit` bytes (a small gzip can expand enormously). */
async function readLimited(stream: ReadableStream<Uint8Array>, limit: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.length;
    if (total > limit) {
      await reader.cancel();
      throw new BundleFileError({ code: 'too-large', bytes: total, limit });
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}
