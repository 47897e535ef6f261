import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Every file under `dir`, recursively, as bytes. */
export function readAllFiles(dir: string): { path: string; bytes: Buffer }[] {
  const files: { path: string; bytes: Buffer }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) files.push(...readAllFiles(path));
    else files.push({ path, bytes: readFileSync(path) });
  }
  return files;
}

/** The key in every form someone might write it down: raw, hex (both cases), base64, base64url. */
export function keyForms(key: Buffer): Buffer[] {
  return [
    key,
    Buffer.from(key.toString('hex')),
    Buffer.from(key.toString('hex').toUpperCase()),
    Buffer.from(key.toString('base64')),
    Buffer.from(key.toString('base64url')),
  ];
}

export function filesContainingKey(dir: string, key: Buffer): string[] {
  const forms = keyForms(key);
  return readAllFiles(dir)
    .filter(({ bytes }) => forms.some((form) => bytes.includes(form)))
    .map(({ path }) => path);
}
