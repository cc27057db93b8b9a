/**
 * Size of the content script as shipped: every script under `.output/chrome-mv3/content-scripts/`
 * (the content script and any chunk it loads). Builds the extension first when there is no build.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { figure, type BenchModule } from './figures';

export const contentScriptBench: BenchModule = {
  name: 'content-script',
  async run(ctx) {
    const dir = path.join(ctx.root, '.output/chrome-mv3/content-scripts');
    if (!existsSync(path.join(dir, 'content.js'))) {
      ctx.log('content-script: no build in .output/chrome-mv3, running npm run build');
      execFileSync('npm', ['run', '-s', 'build'], { cwd: ctx.root, stdio: ['ignore', 'ignore', 'inherit'] });
    }
    const files = readdirSync(dir).filter((f) => f.endsWith('.js')).sort();
    const sizes = files.map((f) => ({ f, bytes: statSync(path.join(dir, f)).size }));
    const total = sizes.reduce((n, s) => n + s.bytes, 0);
    const built = statSync(path.join(dir, 'content.js')).mtime.toISOString().replace(/\.\d{3}Z$/, 'Z');
    const initial = sizes.find((x) => x.f === 'content.js')!.bytes;
    return {
      'content_script.bytes': figure(total, 'bytes', '< 51200', `all content-script code, minified, as shipped in .output/chrome-mv3/content-scripts (built ${built}): ${sizes.map((s) => `${s.f} ${s.bytes}`).join(', ')}`),
      'content_script.initial_bytes': figure(initial, 'bytes', '< 51200', 'content.js alone: what every page loads; the other scripts are chunks it imports on demand'),
    };
  },
};
