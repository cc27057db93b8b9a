import { afterEach, describe, expect, it, vi } from 'vitest';
import { yieldToPage } from './yield';

afterEach(() => vi.unstubAllGlobals());

describe('yieldToPage', () => {
  it('uses scheduler.yield where the browser has it', async () => {
    const yieldFn = vi.fn(() => Promise.resolve());
    vi.stubGlobal('scheduler', { yield: yieldFn });
    await yieldToPage();
    expect(yieldFn).toHaveBeenCalledOnce();
  });

  it('else yields through a message to itself, never a timer (chained timers are clamped to 4 ms)', async () => {
    vi.stubGlobal('scheduler', undefined);
    const timer = vi.fn();
    vi.stubGlobal('setTimeout', timer);
    for (let i = 0; i < 20; i++) await yieldToPage();
    expect(timer).not.toHaveBeenCalled();
  });
});
