/**
 * The maintainers' corpus command line.
 *
 * - `npm run corpus -- --out F [--seeds DIR] [--sign KEY.jwk]... [--data-as-of YYYY-MM-DD] [--latest FILE]`
 *   builds the bundle from `seeds/` into F. With `--sign`, the bundle names the first key as its
 *   signer and `F.sig` holds the base64 Ed25519 signature of F's exact bytes, one line per key
 *   (two keys during a key rotation). `--latest` also writes the `latest.json` a subscription
 *   reads. Same seeds and key, same bytes.
 * - `npm run corpus -- keygen --out DIR` writes a new `DIR/private.jwk` (mode 600) and `DIR/public.jwk`.
 */
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildBundle } from '../lib/corpus/build';
import { CorpusError } from '../lib/corpus/passages';
import { readSeeds, sourceDateEpoch } from '../lib/corpus/seeds-node';
import { generateKeyPair, readPrivateJwk, signBytes } from '../lib/corpus/signing';
import { MANIFEST_FORMAT, type LatestManifest } from '../lib/updates/manifest';
import { sha256Hex } from '../lib/updates/digest';

const USAGE = 'corpus: usage: npm run corpus -- --out FILE [--seeds DIR] [--sign KEY.jwk]... [--data-as-of YYYY-MM-DD] [--latest FILE]\n       npm run corpus -- keygen --out DIR';

async function keygen(out: string): Promise<number> {
  const dir = resolve(out);
  const privatePath = join(dir, 'private.jwk');
  if (existsSync(privatePath)) {
    console.error(`corpus: ${privatePath} exists; refusing to overwrite a signing key`);
    return 1;
  }
  mkdirSync(dir, { recursive: true });
  const { privateJwk, publicJwk } = await generateKeyPair();
  writeFileSync(privatePath, `${JSON.stringify(privateJwk, null, 2)}\n`, { mode: 0o600 });
  // The mode argument is masked by the umask; set it outright.
  chmodSync(privatePath, 0o600);
  writeFileSync(join(dir, 'public.jwk'), `${JSON.stringify(publicJwk, null, 2)}\n`);
  console.error(`corpus: wrote ${privatePath} (keep it secret, never commit it) and ${join(dir, 'public.jwk')} (kid ${publicJwk.kid})`);
  return 0;
}

async function build(values: { out: string; seeds?: string; quiet?: boolean; sign?: string[]; 'data-as-of'?: string; latest?: string }): Promise<number> {
  const keys = await Promise.all((values.sign ?? []).map(async (f) => readPrivateJwk(readFileSync(f, 'utf8'))));
  const { json, bundle, warnings } = buildBundle(readSeeds(resolve(values.seeds ?? 'seeds')), {
    sourceDateEpoch: sourceDateEpoch(),
    signer: keys[0]?.kid ?? null,
    dataAsOf: values['data-as-of'],
  });
  const bytes = new TextEncoder().encode(json);
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, bytes);
  const written = [values.out];
  if (keys.length) {
    const lines = await Promise.all(keys.map((k) => signBytes(bytes, k)));
    writeFileSync(`${values.out}.sig`, `${lines.join('\n')}\n`);
    written.push(`${values.out}.sig`);
  }
  if (values.latest) {
    if (!keys.length) throw new Error('--latest needs --sign: a subscription accepts only signed bundles');
    const manifest: LatestManifest = {
      format: MANIFEST_FORMAT,
      version: bundle.corpusVersion,
      url: relative(dirname(resolve(values.latest)), resolve(values.out)).split('\\').join('/'),
      sha256: await sha256Hex(bytes),
      signer: keys[0]!.kid,
    };
    mkdirSync(dirname(resolve(values.latest)), { recursive: true });
    writeFileSync(values.latest, `${JSON.stringify(manifest, null, 2)}\n`);
    written.push(values.latest);
  }
  if (!values.quiet) {
    for (const w of warnings) console.error(`corpus: warning: ${w}`);
    const passages = bundle.documents.reduce((n, d) => n + d.passages.length, 0);
    console.error(
      `corpus: wrote ${written.join(', ')} (${bundle.corpusVersion}: ${bundle.documents.length} documents, ${passages} passages, ${bundle.entities.length} entities, ${bundle.mentions.length} mentions${keys.length ? `; signed by ${keys.map((k) => k.kid).join(', ')}` : '; unsigned'})`,
    );
  }
  return 0;
}

async function main(): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        seeds: { type: 'string' },
        quiet: { type: 'boolean' },
        sign: { type: 'string', multiple: true },
        'data-as-of': { type: 'string' },
        latest: { type: 'string' },
      },
    });
  } catch (e) {
    console.error(`corpus: ${(e as Error).message}`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (!values.out || positionals.length > 1 || (positionals[0] && positionals[0] !== 'keygen')) {
    console.error(USAGE);
    return 2;
  }
  try {
    return positionals[0] === 'keygen' ? await keygen(values.out) : await build({ ...values, out: values.out });
  } catch (e) {
    console.error(e instanceof CorpusError ? e.message : `corpus: ${(e as Error).message}`);
    return 1;
  }
}

process.exitCode = await main();
