// Prints one closing line for the whole test run ("Tests: N passed, N failed") from the JSON
// reports Vitest writes for the unit, Chromium end-to-end and Firefox end-to-end suites, so CI
// logs end with a plain count. Also checks that the core reader scenarios ran under the same
// names in both browsers (they come from one list, `e2e/scenarios/core.ts`).
import { existsSync, readFileSync } from 'node:fs';

const CORE_SUITES = { chromium: 'core reader scenarios (Chromium)', firefox: 'core reader scenarios (Firefox)' };

let passed = 0;
let failed = 0;
let skipped = 0;
/** Test titles of each browser's core suite. */
const core = { chromium: [], firefox: [] };
for (const file of ['.test-results/unit.json', '.test-results/e2e.json', '.test-results/firefox.json']) {
  if (!existsSync(file)) continue;
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests ?? 0;
  failed += r.numFailedTests ?? 0;
  skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  for (const suite of r.testResults ?? []) {
    for (const test of suite.assertionResults ?? []) {
      for (const [browser, title] of Object.entries(CORE_SUITES)) {
        if (test.ancestorTitles?.[0] === title) core[browser].push(test.title);
      }
    }
  }
}
let drift = false;
if (core.chromium.length && core.firefox.length) {
  const only = (a, b) => a.filter((t) => !b.includes(t));
  const onlyChromium = only(core.chromium, core.firefox);
  const onlyFirefox = only(core.firefox, core.chromium);
  drift = onlyChromium.length > 0 || onlyFirefox.length > 0;
  if (drift) console.log(`Core scenarios differ between browsers: only in Chromium ${JSON.stringify(onlyChromium)}, only in Firefox ${JSON.stringify(onlyFirefox)}`);
  else console.log(`Core scenarios: the same ${core.chromium.length} in Chromium and Firefox`);
}
console.log(`Tests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exitCode = failed > 0 || passed === 0 || drift ? 1 : 0;
