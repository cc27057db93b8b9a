import type { UiLanguage } from './language';

export type Values = Readonly<Record<string, string | number>>;

/** One surface's messages in each language: `{ en: { card_close: 'Close', … }, es: { … } }`. */
export type Messages<K extends string> = Readonly<Record<UiLanguage, Readonly<Record<K, string>>>>;

/** `card_mentioned` when `card_mentioned_one` and `card_mentioned_other` exist. */
export type PluralKey<K extends string> = { [Key in K]: Key extends `${infer Base}_other` ? (`${Base}_one` extends K ? Base : never) : never }[K];

/** The messages of one surface in one language. */
export interface Text<K extends string> {
  /** The message, with `{name}` placeholders filled from `values`. */
  (key: K, values?: Values): string;
  /**
   * The form of a counted phrase for `n`: `key_one` for 1, `key_none` for 0 when the surface has
   * it, else `key_other`; `{n}` is filled in with the other values.
   */
  plural(key: PluralKey<K>, n: number, values?: Values): string;
}

/** Fills `{name}` placeholders; unknown ones are left as they are. */
export function fill(template: string, values: Values): string {
  return template.replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}

/**
 * The text before and after `{name}` in a message, for placing an element (a link, a code
 * sample) where the placeholder stands. Both are empty strings when absent.
 */
export function around(message: string, name: string): [string, string] {
  const at = message.indexOf(`{${name}}`);
  return at < 0 ? [message, ''] : [message.slice(0, at), message.slice(at + name.length + 2)];
}

/**
 * The lookup every surface shares. It reads the surface's messages given to it (imported from
 * the extension's `_locales` message files at build time) instead of `browser.i18n`, which
 * answers only in the browser's language and cannot follow the reader's choice on the options
 * page. A key missing at run time reads as itself rather than throwing.
 */
export function translator<K extends string>(messages: Messages<K>): (lang: UiLanguage) => Text<K> {
  const made: Partial<Record<UiLanguage, Text<K>>> = {};
  return (lang) => (made[lang] ??= textOf(messages[lang] as Readonly<Record<string, string>>));
}

function textOf<K extends string>(dict: Readonly<Record<string, string>>): Text<K> {
  const t = (key: string, values?: Values) => {
    const m = dict[key] ?? key;
    return values ? fill(m, values) : m;
  };
  t.plural = (key: string, n: number, values?: Values) => {
    const form = n === 0 && `${key}_none` in dict ? 'none' : n === 1 ? 'one' : 'other';
    return t(`${key}_${form}`, { ...values, n });
  };
  return t as Text<K>;
}
