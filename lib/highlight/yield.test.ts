import { afterEach, describe, expect, it, vi } from 'vitest';
import { nextFrame, yieldToPage } from './yield';

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

describe('nextFrame', () => {
  it('resolves true after the next frame and a task, false when no frame comes in time', async () => {
    const frames: FrameRequestCallback[] = [];
    const view = { requestAnimationFrame: (cb: FrameRequestCallback) => frames.push(cb), setTimeout, clearTimeout } as unknown as Window;
    const painted = nextFrame(view, 1000);
    expect(frames).toHaveLength(1);
    frames[0]!(0);
    await expect(painted).resolves.toBe(true);
    const never = nextFrame(view, 10);
    await expect(never).resolves.toBe(false);
  });
});
