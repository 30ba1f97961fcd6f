import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it, expect } from 'vitest';
import { loadConfig, ConfigError, publicUrlOf, servingOf } from './config.ts';
import { HAVE_OPENSSL, selfSigned } from '../test/helpers/tls.ts';

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

  it('takes the public URL as an origin and refuses what is not one', () => {
    expect(loadConfig({}, {}).publicUrl).toBeUndefined();
    expect(loadConfig({ publicUrl: 'https://Symbiont.Plant.example/' }, {}).publicUrl).toBe('https://symbiont.plant.example');
    expect(loadConfig({}, { SYMBIONT_PUBLIC_URL: 'http://10.1.2.3:8080' }).publicUrl).toBe('http://10.1.2.3:8080');
    expect(loadConfig({ publicUrl: 'http://a.example' }, { SYMBIONT_PUBLIC_URL: 'http://b.example' }).publicUrl).toBe('http://a.example');
    for (const bad of ['symbiont.example', 'ftp://x.example', 'https://x.example/symbiont', 'https://x.example/?a=1', 'https://u:p@x.example']) {
      expect(() => loadConfig({ publicUrl: bad }, {}), bad).toThrow(/--public-url must/);
    }
  });

  it('derives the public URL from the listening address when none is given', () => {
    expect(publicUrlOf({ host: '0.0.0.0' }, 8081, null)).toBe('http://127.0.0.1:8081');
    expect(publicUrlOf({ host: '0.0.0.0' }, 8081, '10.1.2.3')).toBe('http://10.1.2.3:8081');
    expect(publicUrlOf({ host: '::' }, 8081, null)).toBe('http://127.0.0.1:8081');
    expect(publicUrlOf({ host: '10.0.0.5' }, 80)).toBe('http://10.0.0.5:80');
    expect(publicUrlOf({ host: '::1' }, 9000)).toBe('http://[::1]:9000');
    expect(publicUrlOf({ host: '10.0.0.5', publicUrl: 'https://s.example' }, 80)).toBe('https://s.example');
  });

  it('serves securely only where browsers come over HTTPS; HSTS only with native TLS', () => {
    expect(servingOf({})).toEqual({ https: false, nativeTls: false });
    expect(servingOf({ publicUrl: 'http://10.0.0.5:8080' })).toEqual({ https: false, nativeTls: false });
    expect(servingOf({ publicUrl: 'https://s.example' })).toEqual({ https: true, nativeTls: false });
  });

  it('needs both TLS files or neither, each readable, and names the flag', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-config-'));
    try {
      expect(() => loadConfig({ tlsCert: path.join(dir, 'c.pem') }, {})).toThrow(/--tls-cert needs --tls-key/);
      expect(() => loadConfig({}, { SYMBIONT_TLS_KEY: path.join(dir, 'k.pem') })).toThrow(/--tls-key needs --tls-cert/);
      expect(() => loadConfig({ tlsCert: path.join(dir, 'missing.pem'), tlsKey: path.join(dir, 'k.pem') }, {})).toThrow(/--tls-cert .*missing\.pem cannot be read: ENOENT/);
      fs.writeFileSync(path.join(dir, 'junk.pem'), 'not a certificate');
      expect(() => loadConfig({ tlsCert: path.join(dir, 'junk.pem'), tlsKey: path.join(dir, 'junk.pem') }, {})).toThrow(/not a usable PEM certificate and matching key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(!HAVE_OPENSSL)('loads a certificate and key, and refuses an http public URL with native TLS', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'symbiont-config-'));
    try {
      const { cert, key } = selfSigned(dir);
      const c = loadConfig({}, { SYMBIONT_TLS_CERT: cert, SYMBIONT_TLS_KEY: key });
      expect(c.tls?.cert.toString()).toMatch(/BEGIN CERTIFICATE/);
      expect(servingOf(c)).toEqual({ https: true, nativeTls: true });
      expect(publicUrlOf({ ...c, host: '127.0.0.1' }, 8443)).toBe('https://127.0.0.1:8443');
      expect(() => loadConfig({ tlsCert: cert, tlsKey: key, publicUrl: 'http://s.example' }, {})).toThrow(/use an https:\/\/ URL/);
      // A key that is not the certificate's.
      const other = selfSigned(fs.mkdtempSync(path.join(dir, 'o-')));
      expect(() => loadConfig({ tlsCert: cert, tlsKey: other.key }, {})).toThrow(/not a usable PEM certificate and matching key/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
