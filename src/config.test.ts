import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError } from './config.ts';

describe('config', () => {
  it('defaults to embedded SQLite under ./data and port 8080', () => {
    const c = loadConfig({}, {});
    expect(c.port).toBe(8080);
    expect(c.mqttPort).toBe(1883);
    expect(c.db).toMatch(/^sqlite:.*data\/symbiont\.db$/);
    expect(c.demo).toBe(true);
    expect(c.simulator).toBe(true);
  });

  it('takes flags before environment variables', () => {
    const c = loadConfig({ port: '9000' }, { SYMBIONT_PORT: '9100', SYMBIONT_MQTT_PORT: '1884' });
    expect(c.port).toBe(9000);
    expect(c.mqttPort).toBe(1884);
  });

  it('reads --no-demo and --no-simulator from the environment in either spelling', () => {
    expect(loadConfig({}, { SYMBIONT_NO_DEMO: '1' }).demo).toBe(false);
    expect(loadConfig({}, { SYMBIONT_DEMO: 'false' }).demo).toBe(false);
    expect(loadConfig({}, { SYMBIONT_NO_SIMULATOR: 'true' }).simulator).toBe(false);
    expect(loadConfig({ demo: true }, { SYMBIONT_NO_DEMO: '1' }).demo).toBe(true);
  });

  it('names the flag in every error', () => {
    expect(() => loadConfig({ port: 'eighty' }, {})).toThrow(ConfigError);
    expect(() => loadConfig({ port: '70000' }, {})).toThrow(/--port must be a whole number/);
    expect(() => loadConfig({ db: 'mysql://x' }, {})).toThrow(/--db must be/);
    expect(() => loadConfig({}, { SYMBIONT_ADMIN_PASSWORD: 'short' })).toThrow(/at least 8/);
  });
});
