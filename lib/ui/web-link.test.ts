import { describe, expect, it } from 'vitest';
import { webLink } from './web-link';

describe('webLink', () => {
  it.each(['https://www.gob.mx/se/prensa/x', 'http://127.0.0.1:8080/a?b=c#d'])('keeps %s', (url) => expect(webLink(url)).toBe(url));
  it.each(['javascript:alert(1)', ' JavaScript:alert(1)', 'java\tscript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'vbscript:x', 'file:///etc/passwd', '/relative', '', null, undefined])(
    'refuses %j',
    (url) => expect(webLink(url)).toBeNull(),
  );
});
