import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HoverIntent } from './hover-intent';

let events: string[];
let hi: HoverIntent<string>;

beforeEach(() => {
  vi.useFakeTimers();
  events = [];
  hi = new HoverIntent<string>({ openDelay: 300, closeDelay: 200, onOpen: (t) => events.push(`open ${t}`), onClose: () => events.push('close') });
});
afterEach(() => vi.useRealTimers());

describe('HoverIntent', () => {
  it('opens only after the pointer rests for the delay', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(299);
    expect(events).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(events).toEqual(['open a']);
  });
  it('says when a target is armed (its card can be prepared during the delay), once per target', () => {
    const armed: string[] = [];
    const intent = new HoverIntent<string>({ openDelay: 300, closeDelay: 200, onOpen: (t) => events.push(`open ${t}`), onClose: () => {}, onArm: (t) => armed.push(t) });
    intent.enterTarget('a');
    intent.enterTarget('a');
    expect(armed).toEqual(['a']);
    expect(intent.armed).toBe('a');
    vi.advanceTimersByTime(300);
    expect(intent.armed).toBeNull();
    intent.enterTarget('a');
    expect(armed, 'not for the open card').toEqual(['a']);
    intent.enterTarget('b');
    expect(armed).toEqual(['a', 'b']);
    intent.leaveTarget();
    expect(intent.armed).toBeNull();
  });
  it('does not open when the pointer passes over quickly', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(100);
    hi.leaveTarget();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual([]);
  });
  it('stays open while the pointer travels into the card and while it is hovered', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(300);
    hi.leaveTarget();
    vi.advanceTimersByTime(150);
    hi.enterCard();
    vi.advanceTimersByTime(5000);
    expect(events).toEqual(['open a']);
    hi.leaveCard();
    vi.advanceTimersByTime(200);
    expect(events).toEqual(['open a', 'close']);
  });
  it('stays open when the pointer comes back to the same target', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(300);
    hi.leaveTarget();
    vi.advanceTimersByTime(100);
    hi.enterTarget('a');
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open a']);
    expect(hi.current).toBe('a');
  });
  it('closes on Escape at once, even while hovered', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(300);
    hi.enterCard();
    hi.close();
    expect(events).toEqual(['open a', 'close']);
    expect(hi.current).toBeNull();
  });
  it('switches to another target: one card at a time', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(300);
    hi.enterTarget('b');
    vi.advanceTimersByTime(300);
    expect(events).toEqual(['open a', 'open b']);
    expect(hi.current).toBe('b');
  });
  it('opens at once for the keyboard', () => {
    hi.openNow('k');
    expect(events).toEqual(['open k']);
  });
  it('does not switch cards when the pointer crosses another target on its way into the card', () => {
    hi.enterTarget('a');
    vi.advanceTimersByTime(300);
    hi.enterTarget('b');
    vi.advanceTimersByTime(50);
    hi.enterCard();
    vi.advanceTimersByTime(1000);
    expect(events).toEqual(['open a']);
    expect(hi.current).toBe('a');
  });
});
