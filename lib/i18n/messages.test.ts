import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import card from 'virtual:hled-messages/card';
import options from 'virtual:hled-messages/options';
import page from 'virtual:hled-messages/page';
import popup from 'virtual:hled-messages/popup';
import reader from 'virtual:hled-messages/reader';
import welcome from 'virtual:hled-messages/welcome';
import { SURFACES } from './keys';
import { UI_LANGUAGES } from './language';
import { KEY_PATTERN, placeholdersOf, surfaceMessages, surfaceOf } from './message-files';
import { readMessageFiles } from './plugin';

/**
 * The message files the extension ships (`public/_locales/<lang>/messages.json`) are also every
 * string of the interface. They are read by browsers (manifest strings) and by our lookup, so
 * they must satisfy both: the browsers' key format, and the same keys and placeholders in every
 * language, each used by the code.
 */

const ROOT = path.resolve(__dirname, '../..');
const files = readMessageFiles(path.join(ROOT, 'public/_locales'));
const keys = Object.keys(files.en);

describe('the message files', () => {
  it('have exactly the same keys in every language', () => {
    for (const lang of UI_LANGUAGES) expect(Object.keys(files[lang]).sort(), lang).toEqual([...keys].sort());
  });

  it('have the same {placeholders} per key in every language', () => {
    const differ = keys.flatMap((k) => UI_LANGUAGES.filter((lang) => placeholdersOf(files[lang][k]!.message).join() !== placeholdersOf(files.en[k]!.message).join()).map((lang) => `${lang} ${k}`));
    expect(differ).toEqual([]);
  });

  it('use keys browsers accept, each with a surface prefix, none two that differ only in case', () => {
    expect(keys.filter((k) => !KEY_PATTERN.test(k))).toEqual([]);
    expect(keys.filter((k) => surfaceOf(k) === null)).toEqual([]);
    const lower = keys.map((k) => k.toLowerCase());
    expect(lower.filter((k, i) => lower.indexOf(k) !== i)).toEqual([]);
  });

  it('hold a non-empty message in every language, without the browsers\' $ substitutions', () => {
    for (const lang of UI_LANGUAGES) {
      for (const [k, m] of Object.entries(files[lang])) {
        expect(typeof m.message === 'string' && m.message.trim().length > 0, `${lang} ${k}`).toBe(true);
        expect(m.message, `${lang} ${k}`).not.toContain('$');
      }
    }
  });

  it('give every counted phrase both its "one" and "other" forms', () => {
    const bases = (form: string) => keys.filter((k) => k.endsWith(`_${form}`)).map((k) => k.slice(0, -form.length - 1));
    expect(bases('one').sort()).toEqual(bases('other').sort());
    expect(bases('none').filter((b) => !bases('other').includes(b))).toEqual([]);
  });

  it('keep the manifest strings within the stores\' limits', () => {
    for (const lang of UI_LANGUAGES) {
      expect(files[lang].ext_name!.message.length).toBeLessThanOrEqual(75);
      expect(files[lang].ext_description!.message.length, lang).toBeLessThanOrEqual(132);
    }
  });
});

describe('surfaceMessages', () => {
  it.each(SURFACES)('gives the %s surface its own messages in every language and no other', (surface) => {
    const own = keys.filter((k) => k.startsWith(`${surface}_`));
    expect(own.length).toBeGreaterThan(0);
    const m = surfaceMessages(files, surface);
    for (const lang of UI_LANGUAGES) {
      expect(Object.keys(m[lang]).sort()).toEqual([...own].sort());
      for (const k of own) expect(m[lang][k]).toBe(files[lang][k]!.message);
    }
  });

  it('refuses a surface that does not exist', () => {
    expect(() => surfaceMessages(files, 'nope')).toThrow(/messages: no surface "nope"/);
  });

  it('is what the code imports: every key its types know, in every language', () => {
    const imported = { card, page, popup, reader, options, welcome };
    for (const [surface, messages] of Object.entries(imported)) expect(messages, surface).toEqual(surfaceMessages(files, surface));
  });
});

describe('the code and the message files', () => {
  /** Shipped sources, and the config that writes the manifest. */
  const sources = (() => {
    const out: string[] = [path.join(ROOT, 'wxt.config.ts')];
    const walk = (dir: string) => {
      for (const e of readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.(tsx?|html)$/.test(e.name) && !/\.test\.tsx?$/.test(e.name)) out.push(p);
      }
    };
    for (const dir of ['lib', 'components', 'entrypoints']) walk(path.join(ROOT, dir));
    return out.map((p) => readFileSync(p, 'utf8'));
  })();
  const prefixes = SURFACES.join('|');
  // 'card_close', `card_types_${type}` (a template: every key it starts), __MSG_ext_name__.
  const literal = new RegExp(`['"\`]((?:${prefixes})_[A-Za-z0-9_]*)(['"\`]|\\$\\{)`, 'g');
  const manifest = /__MSG_(\w+)__/g;
  const used = new Set<string>();
  const heads = new Set<string>();
  for (const text of sources) {
    for (const [, key, end] of text.matchAll(literal)) (end === '${' ? heads : used).add(key!);
    for (const [, key] of text.matchAll(manifest)) used.add(key!);
  }

  it('asks only for keys that exist (or counted phrases whose forms exist)', () => {
    expect([...used].filter((k) => !(k in files.en) && !(`${k}_other` in files.en))).toEqual([]);
    expect([...heads].filter((h) => !keys.some((k) => k.startsWith(h)))).toEqual([]);
    // A bare `card_${…}` would count every card message as used.
    expect([...heads].filter((h) => surfaceOf(h) === null || SURFACES.some((s) => h === `${s}_`))).toEqual([]);
  });

  it('uses every message', () => {
    const isUsed = (k: string) => used.has(k) || used.has(k.replace(/_(none|one|other)$/, '')) || [...heads].some((h) => k.startsWith(h));
    expect(keys.filter((k) => !isUsed(k))).toEqual([]);
  });
});
