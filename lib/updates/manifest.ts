import { z } from 'zod';
import { CORPUS_VERSION } from '../corpus/bundle';

/**
 * `latest.json`: the small file a subscription checks every day. It names the newest bundle, so
 * readers download a bundle only when there is a new one:
 *
 * ```json
 * { "format": "hled-corpus-latest", "version": "2026.12.01.1", "url": "hled-corpus-2026.12.01.1.json",
 *   "sha256": "…64 hex…", "signer": "…kid…" }
 * ```
 *
 * `url` may be relative to `latest.json`; the signature is at `url + ".sig"`. The manifest is not
 * signed itself: it only points, and everything it says is checked against the signed bundle.
 */
export const MANIFEST_FORMAT = 'hled-corpus-latest';

export const latestManifest = z
  .object({
    format: z.literal(MANIFEST_FORMAT),
    version: z.string().regex(CORPUS_VERSION, { message: 'is not a corpus version YYYY.MM.DD.n' }),
    url: z.string().min(1).max(2000),
    sha256: z.string().regex(/^[0-9a-f]{64}$/, { message: 'is not a SHA-256 in hex' }),
    signer: z.string().min(1).max(200),
  })
  .strict();
export type LatestManifest = z.infer<typeof latestManifest>;

/** Where a bundle's signature file is: beside it, with `.sig` added. */
export function signatureUrl(bundleUrl: string): string {
  const u = new URL(bundleUrl);
  u.pathname = `${u.pathname}.sig`;
  return u.href;
}
