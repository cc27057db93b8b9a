import type { ToFrame } from './card-frame-protocol';

/**
 * The frame's side of the handshake: the port of a hello that carries this frame's secret (from
 * its URL, which only the content script knows: the frame sits in a closed shadow root), or null
 * for anything else a page may post to it.
 *
 * Checked by hand rather than with the protocol's Zod schemas: what arrives afterwards comes over
 * the port only the content script holds, as trusted as the content script's own data, and the
 * schemas would bring the whole of Zod (hundreds of kilobytes) into a page loaded with every card.
 */
export function acceptHello(data: unknown, ports: readonly MessagePort[], secret: string): MessagePort | null {
  if (secret.length < 16 || ports.length !== 1) return null;
  const hello = data as { type?: unknown; secret?: unknown } | null;
  if (typeof hello !== 'object' || hello === null || hello.type !== 'hled-card-port' || hello.secret !== secret) return null;
  return ports[0]!;
}

const KNOWN: readonly ToFrame['type'][] = ['show', 'hide', 'saved'];

/** A message from the content script, or null when it is not one the frame knows. */
export function readToFrame(data: unknown): ToFrame | null {
  const type = (data as { type?: unknown } | null)?.type;
  return KNOWN.includes(type as ToFrame['type']) ? (data as ToFrame) : null;
}
