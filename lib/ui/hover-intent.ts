/**
 * When a hover card opens and closes (WCAG 1.4.13: dismissible, hoverable, persistent):
 * - it opens after the pointer rests on a target for `openDelay`;
 * - it stays while the pointer travels from the target into the card and while it is hovered;
 * - it closes `closeDelay` after the pointer leaves both, or at once on Escape;
 * - one card at a time: resting on another target switches to it.
 * Pure: timers are injected, so tests drive it with fake timers.
 */
export interface HoverIntentOptions<T> {
  openDelay: number;
  closeDelay: number;
  onOpen: (target: T) => void;
  onClose: () => void;
  /** The pointer came to rest on a target whose card will open after the delay unless it moves on. */
  onArm?: (target: T) => void;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
}

export class HoverIntent<T> {
  private open: T | null = null;
  private pending: T | null = null;
  private openTimer: unknown = null;
  private closeTimer: unknown = null;
  private inCard = false;
  private readonly set: (fn: () => void, ms: number) => unknown;
  private readonly clear: (handle: unknown) => void;

  constructor(private readonly opts: HoverIntentOptions<T>) {
    this.set = opts.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
    this.clear = opts.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  }

  /** The target whose card is open, if any. */
  get current(): T | null {
    return this.open;
  }

  /** The target whose card will open when the delay ends, if any. */
  get armed(): T | null {
    return this.pending;
  }

  /** Changes the open delay (settings apply live). */
  setOpenDelay(ms: number): void {
    this.opts.openDelay = ms;
  }

  enterTarget(target: T): void {
    if (target === this.open) {
      this.cancelClose();
      return;
    }
    if (target === this.pending) return;
    this.cancelOpen();
    this.pending = target;
    this.openTimer = this.set(() => {
      this.openTimer = null;
      this.pending = null;
      this.show(target);
    }, this.opts.openDelay);
    this.opts.onArm?.(target);
  }

  leaveTarget(): void {
    this.cancelOpen();
    if (this.open !== null && !this.inCard) this.scheduleClose();
  }

  enterCard(): void {
    this.inCard = true;
    this.cancelClose();
    // The pointer may have crossed another highlight on its way in: that one must not open.
    this.cancelOpen();
  }

  leaveCard(): void {
    this.inCard = false;
    if (this.open !== null) this.scheduleClose();
  }

  /** Opens a card at once (keyboard), replacing any other. */
  openNow(target: T): void {
    this.cancelOpen();
    this.show(target);
  }

  /** Closes at once (Escape, scroll away, teardown). */
  close(): void {
    this.cancelOpen();
    this.cancelClose();
    this.inCard = false;
    if (this.open !== null) {
      this.open = null;
      this.opts.onClose();
    }
  }

  private show(target: T): void {
    this.cancelClose();
    this.open = target;
    this.opts.onOpen(target);
  }

  private scheduleClose(): void {
    if (this.closeTimer !== null) return;
    this.closeTimer = this.set(() => {
      this.closeTimer = null;
      this.close();
    }, this.opts.closeDelay);
  }

  private cancelOpen(): void {
    if (this.openTimer !== null) this.clear(this.openTimer);
    this.openTimer = null;
    this.pending = null;
  }

  private cancelClose(): void {
    if (this.closeTimer !== null) this.clear(this.closeTimer);
    this.closeTimer = null;
  }
}
