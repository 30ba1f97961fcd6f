/** `planExchange` on a worker thread (src/core/off-thread.ts): the plan a request asks for never stalls the node's other requests. */
import { offThread } from '../../../core/off-thread.ts';
import type { PlanAnswer, PlanInstance } from '../model.ts';

const planInWorker = offThread<{ instance: PlanInstance }, PlanAnswer>(new URL('./plan-worker.mjs', import.meta.url), 'exchange plan');

export function planExchangeOffThread(instance: PlanInstance): Promise<PlanAnswer> {
  return planInWorker({ instance });
}
