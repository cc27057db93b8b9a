import messages from 'virtual:hled-messages/card';
import { translator, type Text } from './lookup';
import type { KeysOf } from './keys';

/** The card's messages (`card_*`): the card, and every page that names an entity, its roles or dates. */
export const cardText = translator(messages);
export type CardText = Text<KeysOf<'card'>>;
