import { gzipSync } from 'node:zlib';
import type { z } from 'zod';
import { bundleSchema, formatPath, type Bundle } from './bundle';

/**
 * Test-only: malformed and adversarial variants of a valid bundle, for the import fuzz test.
 * Every mutation is built to be invalid on its own (never "probably invalid"), and says which
 * error it must be refused with, so the test can insist on a specific error, not just any.
 *
 * The generator reads the bundle schema itself (which fields are required, which objects are
 * strict, which strings have a maximum), so a field added to the format is fuzzed without
 * touching this file.
 */

export type Path = (string | number)[];

export interface Mutant {
  /** What was done, for the failure message and the per-kind counts. */
  kind: string;
  detail: string;
  /** Bundle JSON text, or file bytes (gzip cases) that go through the options page's file reader first. */
  json?: string;
  file?: { bytes: Uint8Array<ArrayBuffer>; name: string; limit?: number };
  /** At least one reported error must match. */
  expect: RegExp;
}

/** A seeded PRNG (mulberry32), so a failing run is reproduced with its seed. */
export function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;
  return { next, int, pick };
}
export type Random = ReturnType<typeof random>;

type Schema = z.core.$ZodType;
const defOf = (s: Schema) => s._zod.def as unknown as Record<string, unknown> & { type: string };

/** The schema without optional/nullable/default wrappers. */
function bare(s: Schema): Schema {
  let cur = s;
  for (;;) {
    const d = defOf(cur);
    if (d.type === 'optional' || d.type === 'nullable' || d.type === 'default' || d.type === 'readonly') cur = d.innerType as Schema;
    else return cur;
  }
}

/**
 * The schema that applies to `value`: wrappers removed and, for a union (bundle schema versions),
 * the option whose discriminator (or whole shape) accepts the value.
 */
function resolve(s: Schema, value: unknown): Schema {
  const cur = bare(s);
  const d = defOf(cur);
  if (d.type !== 'union') return cur;
  const options = d.options as Schema[];
  const disc = d.discriminator as string | undefined;
  const fits = (o: Schema) => {
    if (!disc) return accepts(o, value);
    const field = (defOf(bare(o)).shape as Record<string, Schema> | undefined)?.[disc];
    return !!field && value !== null && typeof value === 'object' && accepts(field, (value as Record<string, unknown>)[disc]);
  };
  return bare(options.find(fits) ?? options[0]!);
}

function childSchema(parent: Schema, key: string | number): Schema | null {
  const d = defOf(bare(parent));
  if (d.type === 'object') return (d.shape as Record<string, Schema>)[key as string] ?? null;
  if (d.type === 'array') return d.element as Schema;
  if (d.type === 'record') return d.valueType as Schema;
  return null;
}

export interface SchemaNode {
  path: Path;
  value: unknown;
  schema: Schema;
  /** The object schema holding this field, when it is a field of an object. */
  parent: Schema | null;
}

/** Every value of `json` with the schema it is checked against (the root excluded). */
export function schemaNodes(json: unknown, schema: Schema = bundleSchema): SchemaNode[] {
  const out: SchemaNode[] = [];
  const walk = (value: unknown, schemaHere: Schema, path: Path) => {
    if (value === null || typeof value !== 'object') return;
    const s = resolve(schemaHere, value);
    const entries: [string | number, unknown][] = Array.isArray(value) ? value.map((v, i) => [i, v]) : Object.entries(value);
    const isObject = defOf(bare(s)).type === 'object';
    for (const [k, v] of entries) {
      const cs = childSchema(s, k);
      if (!cs) continue;
      out.push({ path: [...path, k], value: v, schema: cs, parent: isObject ? bare(s) : null });
      walk(v, cs, [...path, k]);
    }
  };
  walk(json, schema, []);
  return out;
}

const accepts = (s: Schema, v: unknown) => (s as unknown as z.ZodType).safeParse(v).success;
const isStrict = (s: Schema) => {
  const d = defOf(bare(s));
  return d.type === 'object' && !!d.catchall && defOf(d.catchall as Schema).type === 'never';
};
const maxLengthOf = (s: Schema): number | null => (bare(s) as unknown as { maxLength?: number | null }).maxLength ?? null;

function getAt(root: unknown, path: Path): unknown {
  let v = root;
  for (const k of path) v = (v as Record<string | number, unknown>)[k];
  return v;
}
function setAt(root: unknown, path: Path, value: unknown): void {
  const parent = getAt(root, path.slice(0, -1)) as Record<string | number, unknown>;
  parent[path.at(-1)!] = value;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** An error about the field at `path` or anything inside it. */
const at = (path: Path, what = '') => new RegExp(`^bundle: ${escape(formatPath(path))}(\\.|\\[| )${what}`);

/** A JSON text with the string `"<placeholder>"` swapped for raw JSON (values JSON.stringify cannot write). */
const PLACEHOLDER = '"hled-fuzz-placeholder-7f3a9c"';
function withRaw(bundle: unknown, path: Path, raw: string): string {
  const copy = structuredClone(bundle);
  setAt(copy, path, JSON.parse(PLACEHOLDER));
  return JSON.stringify(copy).replace(PLACEHOLDER, () => raw);
}

type Gen = (b: Bundle, nodes: readonly SchemaNode[], r: Random) => Mutant;

const otherType = (v: unknown, r: Random): unknown => {
  if (typeof v === 'string') return r.pick([42, true, [], {}, [v]]);
  if (typeof v === 'number') return r.pick([String(v), false, [], {}]);
  if (typeof v === 'boolean') return r.pick([String(v), 1, [], {}]);
  if (v === null) return r.pick([1, [], {}, true]);
  if (Array.isArray(v)) return r.pick([{}, '[]', 0, true]);
  return r.pick([[], '{}', 1, false]);
};

const HOSTILE_TEXT = ['<img src=x onerror=alert(1)>', '<script>alert(document.cookie)</script>', '"><svg onload=alert(1)>', '\u202e\u0000\ud800', '{{constructor.constructor("alert(1)")()}}'];

const GENERATORS: Record<string, Gen> = {
  'wrong-type': (b, nodes, r) => {
    const n = r.pick(nodes);
    const v = otherType(n.value, r);
    const copy = structuredClone(b);
    setAt(copy, n.path, v);
    const expect = n.path.length === 1 && n.path[0] === 'format' ? /^bundle: format is / : at(n.path);
    return { kind: 'wrong-type', detail: `${formatPath(n.path)} = ${JSON.stringify(v)}`, json: JSON.stringify(copy), expect };
  },
  'missing-field': (b, nodes, r) => {
    const required = nodes.filter((n) => n.parent && typeof n.path.at(-1) === 'string' && !accepts(n.schema, undefined));
    const n = r.pick(required);
    const copy = structuredClone(b);
    delete (getAt(copy, n.path.slice(0, -1)) as Record<string, unknown>)[n.path.at(-1) as string];
    const expect = n.path.length === 1 && n.path[0] === 'format' ? /^bundle: format is undefined/ : at(n.path, 'is missing');
    return { kind: 'missing-field', detail: formatPath(n.path), json: JSON.stringify(copy), expect };
  },
  'duplicate-id': (b, _nodes, r) => {
    const copy = structuredClone(b);
    const which = r.pick(['document', 'entity', 'passage'] as const);
    if (which === 'document') {
      copy.documents.push(structuredClone(r.pick(b.documents)));
      return { kind: 'duplicate-id', detail: 'a document twice', json: JSON.stringify(copy), expect: at(['documents', copy.documents.length - 1, 'id'], 'duplicates document id') };
    }
    if (which === 'entity') {
      const i = r.int(copy.entities.length);
      const j = (i + 1 + r.int(copy.entities.length - 1)) % copy.entities.length;
      copy.entities[j]!.id = copy.entities[i]!.id;
      return { kind: 'duplicate-id', detail: `entities[${j}].id = entities[${i}].id`, json: JSON.stringify(copy), expect: /^bundle: entities\[\d+\]\.id duplicates entity id/ };
    }
    const all = copy.documents.flatMap((d, di) => d.passages.map((p, pi) => ({ p, di, pi })));
    const a = r.pick(all);
    let c = r.pick(all);
    while (c === a) c = r.pick(all);
    c.p.id = a.p.id;
    return { kind: 'duplicate-id', detail: `passage ${c.di}/${c.pi} takes the id of ${a.di}/${a.pi}`, json: JSON.stringify(copy), expect: /^bundle: documents\[\d+\]\.passages\[\d+\]\.id duplicates passage id/ };
  },
  'mention-outside': (b, _nodes, r) => {
    const copy = structuredClone(b);
    const i = r.int(copy.mentions.length);
    const m = copy.mentions[i]!;
    const length = b.documents.find((d) => d.id === m.document)!.passages.find((p) => p.id === m.passage)!.text.length;
    const how = r.pick(['past-end', 'empty', 'reversed', 'no-passage', 'other-document', 'no-entity'] as const);
    if (how === 'past-end') m.end = length + 1 + r.int(1000);
    else if (how === 'empty') m.end = m.start;
    else if (how === 'reversed') [m.start, m.end] = [m.end + 1 + r.int(50), m.start + 1];
    else if (how === 'no-passage') m.passage = `${m.document}:not-a-passage-${r.int(1e6)}`;
    else if (how === 'other-document') m.document = b.documents.find((d) => d.id !== m.document)!.id;
    else m.entity = `nobody-${r.int(1e6)}`;
    return { kind: 'mention-outside', detail: `mentions[${i}] ${how}`, json: JSON.stringify(copy), expect: new RegExp(`^bundle: mentions\\[${i}\\]\\.(end|start|passage|document|entity) `) };
  },
  'not-a-date': (b, nodes, r) => {
    // Date fields are the ones the schema itself treats as dates (not free text such as `editorial.date`).
    const dates = nodes.filter((n) => typeof n.value === 'string' && !accepts(n.schema, 'tomorrow') && (accepts(n.schema, '2024-02-29') || accepts(n.schema, '2024-02-29T00:00:00Z')));
    const n = r.pick(dates);
    const common = ['tomorrow', '', '2024/01/01', '24-01-01', '２０２４-01-01', 'NaN', '2024-01-32', '2024-13-01', ' 2024-01-01', '2024-1-1', '1e3'];
    const value = n.path[0] === 'createdAt' ? r.pick([...common, '2024-01-01T25:00:00Z', '2024-02-30T00:00:00Z']) : r.pick([...common, '2023-02-30', '2021-02-29', '2024-00-10', '2024-04-31']);
    const copy = structuredClone(b);
    setAt(copy, n.path, value);
    return { kind: 'not-a-date', detail: `${formatPath(n.path)} = ${JSON.stringify(value)}`, json: JSON.stringify(copy), expect: at(n.path) };
  },
  'giant-string': (b, nodes, r) => {
    const strings = nodes.filter((n) => typeof n.value === 'string');
    const n = r.pick(strings);
    const length = (maxLengthOf(n.schema) ?? 200) + 1 + r.int(r.next() < 0.1 ? 2_000_000 : 20_000);
    const unit = r.pick(HOSTILE_TEXT);
    const value = unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
    const copy = structuredClone(b);
    setAt(copy, n.path, value);
    return { kind: 'giant-string', detail: `${formatPath(n.path)} of ${length} characters`, json: JSON.stringify(copy), expect: n.path[0] === 'format' ? /^bundle: format is / : at(n.path) };
  },
  'deep-nesting': (b, nodes, r) => {
    const n = r.pick(nodes);
    const depth = r.pick([100, 10_000, 100_000]);
    const raw = r.next() < 0.5 ? '['.repeat(depth) + ']'.repeat(depth) : '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
    return { kind: 'deep-nesting', detail: `${formatPath(n.path)} nested ${depth} deep`, json: withRaw(b, n.path, raw), expect: n.path[0] === 'format' ? /^bundle: format is / : at(n.path) };
  },
  'truncated-json': (b, _nodes, r) => {
    const json = JSON.stringify(b);
    const cut = r.int(json.length);
    return { kind: 'truncated-json', detail: `cut at ${cut} of ${json.length}`, json: json.slice(0, cut), expect: /^bundle: is not JSON/ };
  },
  'bad-url': (b, _nodes, r) => {
    const copy = structuredClone(b);
    const i = r.int(copy.documents.length);
    const url = r.pick(['javascript:alert(1)', 'JavaScript:alert(document.domain)', ' javascript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:msgbox(1)', 'file:///etc/passwd', 'ftp://example.com/x', 'blob:https://example.com/0', 'chrome-extension://abcdef/options.html', '//example.com/x', '/relative/path', 'about:blank', 'mailto:a@example.com', 'ws://example.com/']);
    copy.documents[i]!.url = url;
    return { kind: 'bad-url', detail: `documents[${i}].url = ${JSON.stringify(url)}`, json: JSON.stringify(copy), expect: at(['documents', i, 'url'], 'is not an http\\(s\\) URL') };
  },
  'unknown-key': (b, nodes, r) => {
    const strict = [{ path: [] as Path }, ...nodes.filter((n) => isStrict(n.schema) && n.value !== null && typeof n.value === 'object' && !Array.isArray(n.value))];
    const n = r.pick(strict);
    const key = r.pick(['__proto__', 'constructor', 'prototype', 'onerror', 'innerHTML', 'extra']);
    const copy = structuredClone(b);
    // defineProperty: a plain assignment to "__proto__" would set the prototype, not add a key.
    Object.defineProperty(getAt(copy, n.path), key, { value: { polluted: true }, enumerable: true, configurable: true, writable: true });
    return { kind: 'unknown-key', detail: `${formatPath(n.path)}.${key}`, json: JSON.stringify(copy), expect: new RegExp(`^bundle: ${escape(formatPath(n.path))} .*${escape(key)}`) };
  },
  'empty-list': (b, nodes, r) => {
    const lists = nodes.filter((n) => Array.isArray(n.value) && (n.value as unknown[]).length > 0 && !accepts(n.schema, []));
    const n = r.pick(lists);
    const copy = structuredClone(b);
    setAt(copy, n.path, []);
    return { kind: 'empty-list', detail: formatPath(n.path), json: JSON.stringify(copy), expect: at(n.path) };
  },
  'bad-number': (b, nodes, r) => {
    const numbers = nodes.filter((n) => typeof n.value === 'number' && n.path[0] !== 'schemaVersion');
    const n = r.pick(numbers);
    const raw = r.pick(['-1', '1.5', '1e400', '-1e400', '9007199254740993.5', '"7"']);
    return { kind: 'bad-number', detail: `${formatPath(n.path)} = ${raw}`, json: withRaw(b, n.path, raw), expect: at(n.path) };
  },
  'bad-header': (b, _nodes, r) => {
    const copy = structuredClone(b) as Record<string, unknown>;
    const field = r.pick(['format', 'schemaVersion', 'corpusVersion'] as const);
    const value = field === 'format' ? r.pick(['hled-corpus2', 'HLED-CORPUS', '', 'hled-corpus ']) : field === 'schemaVersion' ? r.pick([0, 3, 99, -1, 1.5]) : r.pick(['1.0', '2025.1.1.1', '', '2025.01.01', 'latest']);
    copy[field] = value;
    const expect = field === 'format' ? /^bundle: format is / : field === 'schemaVersion' ? /^bundle: schemaVersion / : /^bundle: corpusVersion is not a corpus version/;
    return { kind: 'bad-header', detail: `${field} = ${JSON.stringify(value)}`, json: JSON.stringify(copy), expect };
  },
  'not-an-object': (_b, _nodes, r) => {
    const json = r.pick(['[]', '"hled-corpus"', 'null', '42', 'true', '[{"format":"hled-corpus"}]']);
    return { kind: 'not-an-object', detail: json, json, expect: /^bundle: is not a JSON object$/ };
  },
  'bad-file': (b, _nodes, r) => {
    const json = JSON.stringify(b);
    const gz = new Uint8Array(gzipSync(json));
    const how = r.pick(['flipped', 'truncated', 'plain-named-gz', 'not-utf8', 'gzip-bomb', 'magic-only'] as const);
    let bytes: Uint8Array<ArrayBuffer>;
    let name = 'bundle.json.gz';
    let limit: number | undefined;
    if (how === 'flipped') {
      bytes = gz.slice();
      // After the 10-byte header (whose mtime bytes are not checked): in the deflate data or the CRC.
      const i = 10 + r.int(bytes.length - 10);
      bytes[i] = bytes[i]! ^ (1 + r.int(255));
    } else if (how === 'truncated') bytes = gz.slice(0, 10 + r.int(gz.length - 11));
    else if (how === 'plain-named-gz') bytes = new TextEncoder().encode(json);
    else if (how === 'not-utf8') {
      bytes = new Uint8Array(gzipSync(Buffer.from([0x7b, 0xff, 0xfe, 0xc0, 0x80, 0x7d])));
    } else if (how === 'gzip-bomb') {
      bytes = new Uint8Array(gzipSync(Buffer.alloc(4 * 1024 * 1024, 0x20)));
      limit = 64 * 1024;
    } else bytes = new Uint8Array([0x1f, 0x8b, ...Array.from({ length: 30 }, () => r.int(256))]);
    if (how === 'not-utf8' && r.next() < 0.5) {
      bytes = new Uint8Array([0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00]);
      name = 'bundle.json';
    }
    return { kind: 'bad-file', detail: how, file: { bytes, name, limit }, expect: /^bundle file: (not-gzip|not-text|too-large)$|^bundle: is not JSON/ };
  },
};

export const MUTATION_KINDS = Object.keys(GENERATORS);

/** The `i`-th mutant of a run: kinds in turn, targets and values at random. */
export function mutant(b: Bundle, nodes: readonly SchemaNode[], r: Random, i: number): Mutant {
  return GENERATORS[MUTATION_KINDS[i % MUTATION_KINDS.length]!]!(b, nodes, r);
}
