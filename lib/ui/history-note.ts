import type { UiLanguage } from '../i18n/language';
import { optionsText } from '../i18n/options';

/**
 * A history entry's note in the reader's language. The store writes what a corpus held in English
 * (`lib/store/write.ts`: "<name>, <n> documents, <n> entities"), kept as it is in the database;
 * it is read back into its parts here. Other notes (an error message) are shown as they are.
 */
export function historyNoteText(note: string, lang: UiLanguage): string {
  const m = /^(?<name>.+), (?<documents>\d+) documents, (?<entities>\d+) entities$/.exec(note);
  return m ? optionsText(lang)('options_historyNote', m.groups) : note;
}
