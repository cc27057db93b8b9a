// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { OPEN_PAGE_ACCEPTED_EVENT, OPEN_PAGE_EVENT, installTestHooks } from './test-hooks';

/** Installs the hooks on `document`, dispatches `detail`, and says what was opened and whether the page was told. */
function send(detail: unknown) {
  const stop = new AbortController();
  const opened: string[] = [];
  let accepted = 0;
  const onAccepted = () => accepted++;
  document.addEventListener(OPEN_PAGE_ACCEPTED_EVENT, onAccepted);
  installTestHooks((path) => opened.push(path), stop.signal);
  document.dispatchEvent(new CustomEvent(OPEN_PAGE_EVENT, { detail }));
  document.removeEventListener(OPEN_PAGE_ACCEPTED_EVENT, onAccepted);
  stop.abort();
  return { opened, accepted };
}

describe('installTestHooks', () => {
  it.each(['options.html', 'popup.html', 'reader.html#doc=000_0a1eb5644c355993&p=x'])('opens the extension page %s and tells the page it was taken', (path) => {
    expect(send(path)).toEqual({ opened: [path], accepted: 1 });
  });

  it.each([
    ['another origin', 'https://example.com/'],
    ['a path outside the extension pages', '../background.js'],
    ['a built file', 'content-scripts/card-ui.js'],
    ['a non-string detail', { path: 'options.html' }],
    ['no detail', null],
  ])('ignores %s', (_what, detail) => {
    expect(send(detail)).toEqual({ opened: [], accepted: 0 });
  });

  it('stops listening once its signal aborts', () => {
    const opened: string[] = [];
    const stop = new AbortController();
    installTestHooks((path) => opened.push(path), stop.signal);
    document.dispatchEvent(new CustomEvent(OPEN_PAGE_EVENT, { detail: 'popup.html' }));
    stop.abort();
    document.dispatchEvent(new CustomEvent(OPEN_PAGE_EVENT, { detail: 'options.html' }));
    expect(opened).toEqual(['popup.html']);
  });
});
