import messages from 'virtual:hled-messages/options';
import { translator, type Text } from './lookup';
import type { KeysOf } from './keys';

/** The options page's messages (`options_*`). */
export const optionsText = translator(messages);
export type OptionsText = Text<KeysOf<'options'>>;
