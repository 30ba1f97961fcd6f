// A capture worker thread: checks (on the request) and parses, validates and normalises capture documents (capture-prepare.ts)
// off the thread that holds the database. Plain JavaScript because a worker does not inherit the
// parent's TypeScript loader: it registers tsx itself, then loads the TypeScript module.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { checkCapture, prepareCapture } = await import('./capture-prepare.ts');

// op 'check': the request-time check of a capture (well-formedness, top-level shape); otherwise the whole preparation.
parentPort.on('message', (msg) => {
  parentPort.postMessage({ id: msg.id, result: msg.op === 'check' ? checkCapture(msg.input) : prepareCapture(msg.input) });
});
parentPort.postMessage({ ready: true });
