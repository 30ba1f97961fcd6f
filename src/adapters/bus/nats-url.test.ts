import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../config.ts';
import { parseNatsUrl } from './nats.ts';

describe('--bus', () => {
  it('defaults to the in-memory bus', () => {
    expect(loadConfig({ dataDir: '/tmp/x' }, {}).bus).toBeUndefined();
    expect(loadConfig({ dataDir: '/tmp/x', bus: 'memory' }, {}).bus).toBeUndefined();
  });

  it('takes nats://host:port from the flag or SYMBIONT_BUS, and refuses anything else naming the flag', () => {
    expect(loadConfig({ dataDir: '/tmp/x', bus: 'nats://127.0.0.1:4222' }, {}).bus).toBe('nats://127.0.0.1:4222');
    expect(loadConfig({ dataDir: '/tmp/x' }, { SYMBIONT_BUS: 'nats://bus.plant:4222?prefix=plant_1' }).bus).toBe('nats://bus.plant:4222?prefix=plant_1');
    expect(() => loadConfig({ dataDir: '/tmp/x', bus: 'amqp://127.0.0.1' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ dataDir: '/tmp/x', bus: 'amqp://127.0.0.1' }, {})).toThrow(/--bus must be nats:\/\/host:port/);
    expect(() => loadConfig({ dataDir: '/tmp/x', bus: 'nats://h:4222?prefix=a.b' }, {})).toThrow(/--bus prefix=/);
  });

  it('reads servers, credentials, prefix and stream name from the URL', () => {
    expect(parseNatsUrl('nats://127.0.0.1:4222')).toEqual({ servers: '127.0.0.1:4222', user: undefined, pass: undefined, prefix: 'symbiont', stream: 'SYMBIONT_EVENTS' });
    expect(parseNatsUrl('nats://u:p%40ss@bus?prefix=t-1')).toEqual({ servers: 'bus:4222', user: 'u', pass: 'p@ss', prefix: 't-1', stream: 'T_1_EVENTS' });
  });
});
