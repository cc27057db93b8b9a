import messages from 'virtual:hled-messages/page';
import { translator, type Text } from './lookup';
import type { KeysOf } from './keys';

/** What the popup and the reader share (`page_*`): search box, results, loading. */
export const pageText = translator(messages);
export type PageText = Text<KeysOf<'page'>>;
