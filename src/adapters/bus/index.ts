/** Opens the bus a node is configured with: `--bus nats://…` (server shape), else in memory. */
import { MemoryBus } from './memory.ts';
import { NatsBus } from './nats.ts';
import type { Bus, BusLog } from './port.ts';

export type { Bus, BusLog, BusSubscription, ProcessorOptions } from './port.ts';
export { MemoryBus } from './memory.ts';
export { NatsBus, parseNatsUrl } from './nats.ts';

export async function openBus(url: string | undefined, opts: { name?: string; log?: BusLog } = {}): Promise<Bus> {
  if (!url || url === 'memory') return new MemoryBus(opts.log);
  return NatsBus.connect(url, opts);
}
