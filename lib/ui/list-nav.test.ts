import { describe, expect, it } from 'vitest';
import { clampActive, moveActive } from './list-nav';

describe('moveActive', () => {
  it.each([
    [-1, 'ArrowDown', 5, 0],
    [0, 'ArrowDown', 5, 1],
    [4, 'ArrowDown', 5, 4],
    [2, 'ArrowUp', 5, 1],
    [0, 'ArrowUp', 5, -1],
    [-1, 'ArrowUp', 5, -1],
    [-1, 'ArrowDown', 0, -1],
    [7, 'ArrowUp', 5, -1],
  ])('from %i, %s in a list of %i goes to %i', (from, key, count, want) => expect(moveActive(from, key, count)).toBe(want));

  it('leaves other keys, Home and End included, to the text box', () => {
    for (const key of ['Home', 'End', 'Enter', 'a', 'ArrowLeft']) expect(moveActive(2, key, 5)).toBeNull();
  });
});

describe('clampActive', () => {
  it('keeps an index inside the list and drops one past its end', () => {
    expect(clampActive(2, 5)).toBe(2);
    expect(clampActive(5, 5)).toBe(-1);
    expect(clampActive(-1, 5)).toBe(-1);
  });
});
