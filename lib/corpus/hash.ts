/**
 * cyrb53: a fast 53-bit string hash, enough to tell passages of one document apart. Used for
 * stable passage ids, not for security (bundles are verified by signature, not by this).
 */
export function hash53(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/** Passage id: document id + a hash of the passage text, stable across corpus versions. */
export function passageId(documentId: string, text: string): string {
  return `${documentId}:${hash53(text).toString(36).padStart(11, '0')}`;
}
