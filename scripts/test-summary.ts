// Prints one closing line for the whole test run ("Tests: N passed, N failed") from the JSON
// reports Vitest writes for the unit, Chromium end-to-end and Firefox end-to-end suites, so CI
// logs end with a plain count. Also checks that the core reader scenarios ran under the same
// names in both browsers (they come from one list, `e2e/scenarios/core.ts`).
import { existsSync, readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

export const REPORTS = ['.test-results/unit.json', '.test-results/e2e.json', '.test-results/firefox.json'];
/** The describe blocks `e2e/core.e2e.ts` and `e2e/firefox/core.firefox.ts` register the shared scenarios under. */
export const CORE_SUITES = { chromium: 'core reader scenarios (Chromium)', firefox: 'core reader scenarios (Firefox)' } as const;

/** The parts of a Vitest JSON report read here. */
export interface VitestReport {
  numPassedTests?: number;
  numFailedTests?: number;
  numPendingTests?: number;
  numTodoTests?: number;
  testResults?: { assertionResults?: { ancestorTitles?: string[]; title: string }[] }[];
}

export interface Summary {
  lines: string[];
  ok: boolean;
}

export function summarize(reports: VitestReport[]): Summary {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const core: Record<keyof typeof CORE_SUITES, string[]> = { chromium: [], firefox: [] };
  for (const r of reports) {
    passed += r.numPassedTests ?? 0;
    failed += r.numFailedTests ?? 0;
    skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    for (const suite of r.testResults ?? []) {
      for (const test of suite.assertionResults ?? []) {
        for (const browser of Object.keys(CORE_SUITES) as (keyof typeof CORE_SUITES)[]) {
          if (test.ancestorTitles?.[0] === CORE_SUITES[browser]) core[browser].push(test.title);
        }
      }
    }
  }
  const lines: string[] = [];
  let drift = false;
  if (core.chromium.length || core.firefox.length) {
    const only = (a: string[], b: string[]) => a.filter((t) => !b.includes(t));
    const onlyChromium = only(core.chromium, core.firefox);
    const onlyFirefox = only(core.firefox, core.chromium);
    // A suite that ran alone (`npm run test:firefox`) is not drift; both present and different is.
    drift = core.chromium.length > 0 && core.firefox.length > 0 && (onlyChromium.length > 0 || onlyFirefox.length > 0);
    if (drift) lines.push(`Core scenarios differ between browsers: only in Chromium ${JSON.stringify(onlyChromium)}, only in Firefox ${JSON.stringify(onlyFirefox)}`);
    else if (core.chromium.length && core.firefox.length) lines.push(`Core scenarios: the same ${core.chromium.length} in Chromium and Firefox`);
  }
  lines.push(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  return { lines, ok: failed === 0 && passed > 0 && !drift };
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const reports = REPORTS.filter((f) => existsSync(f)).map((f) => JSON.parse(readFileSync(f, 'utf8')) as VitestReport);
  const { lines, ok } = summarize(reports);
  for (const line of lines) console.log(line);
  process.exitCode = ok ? 0 : 1;
}
