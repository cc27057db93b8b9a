/** Constants shared by schemas and by code that must not carry Zod (the content script). */
export const ENTITY_TYPES = ['person', 'program', 'organization', 'law', 'event', 'place'] as const;
export type EntityTypeName = (typeof ENTITY_TYPES)[number];
