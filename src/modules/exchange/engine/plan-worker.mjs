// The exchange plan's worker thread (plan-off-thread.ts): HiGHS solves synchronously, for up to
// seconds on a large park, and must not hold the thread that serves every other request. Plain
// JavaScript because a worker does not inherit the parent's TypeScript loader: it registers tsx
// itself, then loads the TypeScript module.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { planExchange } = await import('./plan.ts');

parentPort.on('message', async ({ id, instance }) => {
  try {
    parentPort.postMessage({ id, result: await planExchange(instance) });
  } catch (err) {
    parentPort.postMessage({ id, error: { kind: 'internal', message: err instanceof Error ? err.message : String(err) } });
  }
});
parentPort.postMessage({ ready: true });
