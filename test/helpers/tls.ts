/** Self-signed certificates for the TLS tests, made with the openssl command (Node can check certificates, not make them). */
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';

export const OPENSSL = '/usr/bin/openssl';
export const HAVE_OPENSSL = fs.existsSync(OPENSSL);

/** A certificate for 127.0.0.1 and its key (P-256, valid two days), written into dir. */
export function selfSigned(dir: string): { cert: string; key: string } {
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  const r = spawnSync(OPENSSL, ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`openssl failed: ${r.stderr}`);
  return { cert, key };
}
