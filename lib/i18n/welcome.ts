import messages from 'virtual:hled-messages/welcome';
import { translator, type Text } from './lookup';
import type { KeysOf } from './keys';

/** The first-run page's messages (`welcome_*`). */
export const welcomeText = translator(messages);
export type WelcomeText = Text<KeysOf<'welcome'>>;
