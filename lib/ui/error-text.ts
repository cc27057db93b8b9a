import type { FileProblem } from './bundle-file';
import type { KeysOf } from '../i18n/keys';
import type { UiLanguage } from '../i18n/language';
import { optionsText } from '../i18n/options';

type Key = KeysOf<'options'>;

/**
 * The bundle validator (lib/corpus), the store and the key check write their errors in English
 * with a fixed shape, `bundle: <path> <what>`, `key: <what>`, shared with the command line. Each shape is read back here into its
 * parts (named groups) and said again with a message of the reader's language; a value found in
 * the bundle (`(got …)`) follows with its own message. Anything not recognised is shown as it is,
 * still naming the field.
 */
const SHAPES: [RegExp, Key][] = [
  [/^store: not enough storage space for this corpus/, 'options_bundle_quota'],
  [/^store: another import, restore or reset is in progress/, 'options_bundle_busy'],
  [/^store: there is no previous corpus to restore$/, 'options_store_noPrevious'],
  [/^updates: a subscription needs an https URL$/, 'options_subscriptionNeedsHttps'],
  [/^key: give the key a name$/, 'options_key_noName'],
  [/^key: (?<kid>\S+) is already trusted$/, 'options_key_alreadyTrusted'],
  [/^key: the project’s own key cannot be removed$/, 'options_key_builtin'],
  [/^key: is not JSON$/, 'options_key_notJson'],
  [/^key: is a private key; paste only the public key \(without "d"\)$/, 'options_key_private'],
  [/^key: kid "(?<kid>.*)" does not match the key \(its thumbprint is "(?<thumbprint>.*)"\)$/, 'options_key_kidMismatch'],
  [/^key: is not a usable Ed25519 key \((?<detail>.*)\)$/, 'options_key_unusable'],
  [/^key: (?<path>\S+) (?<detail>.*)$/, 'options_key_field'],
  [/^bundle: is not JSON \((?<detail>.*)\)$/, 'options_bundle_notJson'],
  [/^bundle: is not a JSON object$/, 'options_bundle_notObject'],
  [/^bundle: format is (?<format>.*), expected "(?<expected>.*)"$/, 'options_bundle_format'],
  [/^bundle: schemaVersion (?<version>\d+) is newer than this extension understands \((?<supported>\d+)\); update the extension$/, 'options_bundle_newerSchema'],
  [/^bundle: is larger than the limit of (?<mb>\d+) MB$/, 'options_bundle_tooLarge'],
  [/^bundle: (?<path>\S+) is not a date in the form YYYY-MM-DD(?<got>.*)$/, 'options_bundle_notDate'],
  [/^bundle: (?<path>\S+) is not a date in the form YYYY, YYYY-MM or YYYY-MM-DD(?<got>.*)$/, 'options_bundle_notPartialDate'],
  [/^bundle: (?<path>\S+) is not a real calendar date(?<got>.*)$/, 'options_bundle_notCalendarDate'],
  [/^bundle: (?<path>\S+) is not an http\(s\) URL(?<got>.*)$/, 'options_bundle_notUrl'],
  [/^bundle: (?<path>\S+) is not a corpus version YYYY\.MM\.DD\.n(?<got>.*)$/, 'options_bundle_notVersion'],
  [/^bundle: (?<path>\S+) is missing(?<got>.*)$/, 'options_bundle_missing'],
  [/^bundle: (?<path>\S+) duplicates (?<what>.*)$/, 'options_bundle_duplicates'],
  [/^bundle: (?<path>\S+) names no entity of the bundle (?<id>.*)$/, 'options_bundle_noEntity'],
  [/^bundle: (?<path>\S+) names no passage of the bundle (?<id>.*)$/, 'options_bundle_noPassage'],
  [/^bundle: (?<path>\S+) is outside its passage (?<detail>.*)$/, 'options_bundle_outside'],
  [/^bundle: (?<path>\S+) (?<detail>.*?)(?<got> \(got .*\))?$/, 'options_bundle_generic'],
];

/** An error of the bundle validator, the store or the key check, in the reader's language. */
export function errorText(message: string, lang: UiLanguage): string {
  const t = optionsText(lang);
  for (const [shape, key] of SHAPES) {
    const m = shape.exec(message);
    if (!m) continue;
    const { got = '', ...values } = m.groups ?? {};
    // `got` is what followed the known words: " (got <value>)", or other details kept as they are.
    const value = /^ \(got (.*)\)$/.exec(got);
    return t(key, values) + (value ? t('options_bundle_got', { value: value[1]! }) : got);
  }
  return message.replace(/^(bundle|store|key|updates): /, '');
}

export function fileProblemText(p: FileProblem, lang: UiLanguage): string {
  const t = optionsText(lang);
  const mb = (n: number) => `${Math.round(n / 1024 / 1024)} MB`;
  switch (p.code) {
    case 'too-large':
      return t('options_file_tooLarge', { size: mb(p.bytes), limit: mb(p.limit) });
    case 'not-gzip':
      return t('options_file_notGzip');
    case 'not-text':
      return t('options_file_notText');
  }
}
