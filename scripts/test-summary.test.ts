import { describe, expect, it } from 'vitest';
import { CORE_SUITES, summarize, type VitestReport } from './test-summary';

function report(passed: number, failed: number, tests: [suite: string, title: string][] = []): VitestReport {
  return {
    numPassedTests: passed,
    numFailedTests: failed,
    testResults: [{ assertionResults: tests.map(([suite, title]) => ({ ancestorTitles: [suite], title })) }],
  };
}

describe('summarize', () => {
  it('adds up every report into one closing line', () => {
    expect(summarize([report(10, 0), report(5, 0)])).toEqual({ lines: ['Tests: 15 passed, 0 failed'], ok: true });
  });

  it('is not ok when a test failed or none ran', () => {
    expect(summarize([report(10, 1)]).ok).toBe(false);
    expect(summarize([]).ok).toBe(false);
  });

  it('says when both browsers ran the same core scenarios', () => {
    const chromium = report(2, 0, [[CORE_SUITES.chromium, 'a'], [CORE_SUITES.chromium, 'b']]);
    const firefox = report(2, 0, [[CORE_SUITES.firefox, 'b'], [CORE_SUITES.firefox, 'a']]);
    expect(summarize([chromium, firefox])).toEqual({ lines: ['Core scenarios: the same 2 in Chromium and Firefox', 'Tests: 4 passed, 0 failed'], ok: true });
  });

  it('fails the run when the core scenarios differ between browsers, naming them', () => {
    const chromium = report(2, 0, [[CORE_SUITES.chromium, 'a'], [CORE_SUITES.chromium, 'b']]);
    const firefox = report(1, 0, [[CORE_SUITES.firefox, 'a']]);
    const { lines, ok } = summarize([chromium, firefox]);
    expect(ok).toBe(false);
    expect(lines[0]).toBe('Core scenarios differ between browsers: only in Chromium ["b"], only in Firefox []');
  });

  it('does not count one browser run alone as drift', () => {
    expect(summarize([report(1, 0, [[CORE_SUITES.firefox, 'a']])]).ok).toBe(true);
  });
});
