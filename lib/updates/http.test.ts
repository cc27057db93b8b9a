import { describe, expect, it } from 'vitest';
import { conditionalHeaders, maxAgeSeconds, readValidators } from './http';

describe('conditionalHeaders', () => {
  it('sends nothing on a first check', () => {
    expect(conditionalHeaders(null)).toEqual({});
  });
  it('sends the saved ETag as If-None-Match and Last-Modified as If-Modified-Since', () => {
    expect(conditionalHeaders({ etag: '"abc"', lastModified: 'Mon, 23 Nov 2026 10:00:00 GMT' })).toEqual({ 'If-None-Match': '"abc"', 'If-Modified-Since': 'Mon, 23 Nov 2026 10:00:00 GMT' });
    expect(conditionalHeaders({ etag: 'W/"weak"', lastModified: null })).toEqual({ 'If-None-Match': 'W/"weak"' });
  });
});

describe('readValidators', () => {
  it('reads ETag and Last-Modified of a response, null when absent', () => {
    expect(readValidators(new Headers({ ETag: '"v1"', 'Last-Modified': 'Sun, 22 Nov 2026 00:00:00 GMT' }))).toEqual({ etag: '"v1"', lastModified: 'Sun, 22 Nov 2026 00:00:00 GMT' });
    expect(readValidators(new Headers())).toEqual({ etag: null, lastModified: null });
  });
});

describe('maxAgeSeconds', () => {
  it.each([
    [null, null],
    ['public, max-age=3600', 3600],
    ['max-age="600", must-revalidate', 600],
    ['s-maxage=100', null],
    ['no-cache', 0],
    ['max-age=86400, no-store', 0],
    ['max-age=abc', null],
  ])('reads %s as %s', (header, seconds) => {
    expect(maxAgeSeconds(header)).toBe(seconds);
  });
});
