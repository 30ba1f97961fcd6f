/** Once before the test run: build the console when its sources are newer than the build. */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

function newest(dir: string): number {
  let t = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : fs.statSync(p).mtimeMs);
  }
  return t;
}

export default function setup(): void {
  const root = path.resolve(import.meta.dirname, '..', '..');
  const config = path.join(root, 'web', 'vite.config.ts');
  if (!fs.existsSync(config) || process.env.SYMBIONT_SKIP_WEB_BUILD === '1') return;
  const index = path.join(root, 'web', 'dist', 'index.html');
  const sources = Math.max(newest(path.join(root, 'web', 'src')), fs.statSync(config).mtimeMs, fs.statSync(path.join(root, 'web', 'index.html')).mtimeMs);
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= sources) return;
  process.stdout.write('[setup] building the console for the browser tests…\n');
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--config', config, '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
    // Vitest sets NODE_ENV=test, which would make a development build of React and antd: build what
    // `npm start` serves (and what users run).
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (r.status !== 0) throw new Error('the console did not build');
}
