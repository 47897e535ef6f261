import { constants } from 'node:fs';
import { access, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { UsageError } from './usageError.ts';

/**
 * The bundle files to import: every *.json directly inside each folder named (sorted by name), and each file named.
 * Checks up front that every one can be read, so an import never starts with a file it cannot open.
 */
export async function findBundleFiles(paths: readonly string[]): Promise<string[]> {
  const files: string[] = [];
  for (const given of paths) {
    const info = await stat(given).catch(() => null);
    if (info === null) throw new UsageError(`Cannot find ${given}: no such file or folder.`);
    if (info.isDirectory()) {
      const names = (await readdir(given)).filter((name) => name.toLowerCase().endsWith('.json')).sort();
      if (names.length === 0) throw new UsageError(`The folder ${given} holds no *.json files.`);
      files.push(...names.map((name) => path.join(given, name)));
    } else {
      files.push(given);
    }
  }
  for (const file of files) {
    const info = await stat(file).catch(() => null);
    if (!info?.isFile()) throw new UsageError(`Cannot read ${file}: it is not a file (or a link to a missing one).`);
    await access(file, constants.R_OK).catch(() => {
      throw new UsageError(`Cannot read ${file}: permission denied.`);
    });
  }
  return files;
}
