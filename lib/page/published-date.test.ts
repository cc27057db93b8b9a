// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { isoDateOf, publishedDate } from './published-date';

const page = (head: string, body = '') => new DOMParser().parseFromString(`<!doctype html><html><head>${head}</head><body>${body}</body></html>`, 'text/html');
const ld = (data: unknown) => `<script type="application/ld+json">${JSON.stringify(data)}</script>`;

describe('publishedDate', () => {
  it('reads JSON-LD datePublished of a NewsArticle, keeping the written calendar date', () => {
    expect(publishedDate(page(ld({ '@context': 'https://schema.org', '@type': 'NewsArticle', datePublished: '2022-09-12T23:30:00-05:00' })))).toBe('2022-09-12');
  });

  it('finds the article inside @graph and arrays, skipping other node types', () => {
    const graph = { '@graph': [{ '@type': 'ImageObject', datePublished: '2019-01-01' }, { '@type': ['Article'], datePublished: '2023-09-29' }] };
    expect(publishedDate(page(ld(graph)))).toBe('2023-09-29');
    expect(publishedDate(page(ld([{ '@type': 'Organization' }, { '@type': 'BlogPosting', datePublished: '2021-12-01' }])))).toBe('2021-12-01');
  });

  it('prefers JSON-LD over meta over <time>, in that order', () => {
    const meta = '<meta property="article:published_time" content="2020-05-05T10:00:00Z">';
    const time = '<article><header><time datetime="2018-03-03">March 3</time></header></article>';
    expect(publishedDate(page(ld({ '@type': 'NewsArticle', datePublished: '2022-01-02' }) + meta, time))).toBe('2022-01-02');
    expect(publishedDate(page(meta, time))).toBe('2020-05-05');
    expect(publishedDate(page('', time))).toBe('2018-03-03');
  });

  it('falls through malformed JSON-LD and impossible dates to the next source', () => {
    const broken = '<script type="application/ld+json">{ "@type": "NewsArticle", "datePublished": </script>';
    const impossible = ld({ '@type': 'NewsArticle', datePublished: '2022-02-30' });
    const meta = '<meta property="article:published_time" content="2024-10-01">';
    expect(publishedDate(page(broken + impossible + meta))).toBe('2024-10-01');
    expect(publishedDate(page(ld({ '@type': 'NewsArticle', datePublished: 'yesterday' })))).toBeNull();
  });

  it('ignores times outside the article header and returns null when nothing gives a date', () => {
    expect(publishedDate(page('', '<aside><time datetime="2017-07-07">old link</time></aside><p>Text</p>'))).toBeNull();
    expect(publishedDate(page('<title>No date</title>', '<p>Marcelo Ebrard</p>'))).toBeNull();
  });
});

describe('isoDateOf', () => {
  it('accepts dates and date-times, refuses the rest', () => {
    expect(isoDateOf('2022-09-12')).toBe('2022-09-12');
    expect(isoDateOf('2022-09-12 08:00')).toBe('2022-09-12');
    expect(isoDateOf('2022-13-01')).toBeNull();
    expect(isoDateOf('12/09/2022')).toBeNull();
    expect(isoDateOf(20220912)).toBeNull();
    expect(isoDateOf('0001-01-01')).toBeNull();
  });
});
