import messages from 'virtual:hled-messages/popup';
import { translator, type Text } from './lookup';
import type { KeysOf } from './keys';

/** The popup's own messages (`popup_*`). */
export const popupText = translator(messages);
export type PopupText = Text<KeysOf<'popup'>>;
