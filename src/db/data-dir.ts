import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** Reads a generated secret from the data directory, creating it (mode 600) on first use. */
export function generatedSecret(dataDir: string, file: string, make: () => string = () => randomBytes(32).toString('hex')): string {
  const full = path.resolve(dataDir, file);
  if (existsSync(full)) return readFileSync(full, 'utf8').trim();
  mkdirSync(path.dirname(full), { recursive: true });
  const value = make();
  writeFileSync(full, `${value}\n`, { mode: 0o600, flag: 'wx' });
  return value;
}
