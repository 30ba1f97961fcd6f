/** Shared by the benchmarks: arguments, a load generator in its own process, and the result line. */
import { spawn } from 'node:child_process';
import path from 'node:path';

export const QUICK = process.argv.includes('--quick');

export interface LoadResult {
  requestsPerSec: number;
  p50Ms: number;
  p99Ms: number;
  errors: number;
  non2xx: number;
}

/**
 * Runs autocannon in a child process so that the load generator does not share the event loop
 * (or, on this 2-core machine, the core) with the server it measures.
 */
export function load(url: string, opts: { seconds: number; connections: number; headers?: Record<string, string> }): Promise<LoadResult> {
  const bin = path.resolve(import.meta.dirname, '..', 'node_modules', 'autocannon', 'autocannon.js');
  const args = [bin, '--json', '-d', String(opts.seconds), '-c', String(opts.connections)];
  for (const [k, v] of Object.entries(opts.headers ?? {})) args.push('-H', `${k}=${v}`);
  args.push(url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`autocannon exited with ${code}`));
      const r = JSON.parse(out);
      resolve({ requestsPerSec: r.requests.average, p50Ms: r.latency.p50, p99Ms: r.latency.p99, errors: r.errors, non2xx: r.non2xx });
    });
  });
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The last line of every benchmark: one JSON object. */
export function printResult(result: { bench: string; unit: string; value: number; baseline: number; ratio: number; [k: string]: unknown }): void {
  process.stdout.write(JSON.stringify(result) + '\n');
}

export { mulberry32 } from '../src/core/seeded-random.ts';
