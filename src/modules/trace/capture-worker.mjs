// A capture worker thread: parses, validates and normalises capture documents (capture-prepare.ts)
// off the thread that holds the database. Plain JavaScript because a worker does not inherit the
// parent's TypeScript loader: it registers tsx itself, then loads the TypeScript module.
import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
const { prepareCapture } = await import('./capture-prepare.ts');

parentPort.on('message', (msg) => {
  parentPort.postMessage({ id: msg.id, result: prepareCapture(msg.input) });
});
parentPort.postMessage({ ready: true });
