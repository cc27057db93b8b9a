/** The parameter of the card frame's URL fragment that carries its secret (`lib/ui/card-frame-accept.ts`). */
export const FRAME_SECRET_PARAM = 'k';
