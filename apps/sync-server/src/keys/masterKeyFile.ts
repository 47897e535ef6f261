import { randomUUID } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { z } from 'zod';
import { KEY_BYTES } from './aesGcm.ts';
import { KeyProviderError } from './keyProvider.ts';
import { MasterKeyRing, newVersion, type MasterKeyVersion } from './masterKeyRing.ts';

const FORMAT = 'eonpro-master-key/1';

const fileSchema = z.object({
  format: z.literal(FORMAT),
  keyId: z.string().min(1),
  versions: z
    .array(
      z.object({
        version: z.number().int().positive(),
        key: z.string().refine((text) => Buffer.from(text, 'base64url').length === KEY_BYTES, 'must be 32 bytes, base64url'),
        createdAt: z.string(),
      }),
    )
    .min(1),
});

/**
 * The master key in a local file: JSON holding the key's id and its 32-byte versions (base64url). Created
 * owner-only (0600) on first start; a file that group or others may read or write is refused. Rotation writes a
 * new file beside it and renames it into place, so a crash leaves the old file or the new one, never half of one.
 */
export class MasterKeyFile extends MasterKeyRing {
  private constructor(
    readonly path: string,
    keyId: string,
    versions: MasterKeyVersion[],
  ) {
    super(keyId, versions);
  }

  /** Opens the key file, creating it with a fresh key when it does not exist yet. */
  static async open(path: string): Promise<MasterKeyFile> {
    const created = await createIfMissing(path);
    const { keyId, versions } = created ?? (await readKeyFile(path));
    return new MasterKeyFile(path, keyId, versions);
  }

  protected override async reload(): Promise<void> {
    this.versions = (await readKeyFile(this.path)).versions;
  }

  protected override async persist(): Promise<void> {
    const temporary = `${this.path}.${randomUUID()}.tmp`;
    try {
      await writeOwnerOnly(temporary, serialize(this.keyId, this.versions));
      await rename(temporary, this.path);
    } finally {
      await rm(temporary, { force: true });
    }
  }
}

async function createIfMissing(path: string): Promise<{ keyId: string; versions: MasterKeyVersion[] } | null> {
  await mkdir(dirname(path), { recursive: true, mode: 0o700 });
  const keyId = randomUUID();
  const versions = [newVersion(1)];
  try {
    await writeOwnerOnly(path, serialize(keyId, versions));
    return { keyId, versions };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return null;
    throw error;
  }
}

/** Exclusive create with mode 0600, flushed to disk before it is used. */
async function writeOwnerOnly(path: string, text: string): Promise<void> {
  const handle = await open(path, 'wx', 0o600);
  try {
    await handle.writeFile(text, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
}

async function readKeyFile(path: string): Promise<{ keyId: string; versions: MasterKeyVersion[] }> {
  const info = await stat(path);
  if (!info.isFile()) throw new KeyProviderError(`The master key file ${path} is not a regular file.`);
  if ((info.mode & 0o077) !== 0) {
    throw new KeyProviderError(
      `The master key file ${path} is open to other users (mode ${(info.mode & 0o777).toString(8)}); make it owner-only with: chmod 600 ${path}`,
    );
  }
  let parsed;
  try {
    parsed = fileSchema.safeParse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    parsed = null;
  }
  if (!parsed?.success) throw new KeyProviderError(`The master key file ${path} is not a valid EONPro master key file.`);
  return {
    keyId: parsed.data.keyId,
    versions: parsed.data.versions.map((version) => ({ version: version.version, key: Buffer.from(version.key, 'base64url'), createdAt: version.createdAt })),
  };
}

function serialize(keyId: string, versions: readonly MasterKeyVersion[]): string {
  const file = { format: FORMAT, keyId, versions: versions.map((version) => ({ version: version.version, key: version.key.toString('base64url'), createdAt: version.createdAt })) };
  return `${JSON.stringify(file, null, 2)}\n`;
}
