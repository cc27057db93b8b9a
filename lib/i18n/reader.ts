import messages from 'virtual:hled-messages/reader';
import { translator, type Text } from './lookup';
import type { KeysOf } from './keys';

/** The reader page's own messages (`reader_*`). */
export const readerText = translator(messages);
export type ReaderText = Text<KeysOf<'reader'>>;
