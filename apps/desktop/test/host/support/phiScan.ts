import { readAllFiles } from './noKeyOnDisk.ts';

/**
 * Random ciphertext holds any given 3- or 4-byte sequence about once per few megabytes, so names that short are
 * looked for only together with the family name; longer ones on their own. UTF-16 forms (with their zero
 * bytes) never occur by chance and are looked for at every length.
 */
const SHORTEST_NAME_ALONE = 5;

export interface NameHit {
  file: string;
  needle: string;
  encoding: string;
}

function needlesFor(names: { given: string; family: string }[]): string[] {
  const needles = new Set<string>();
  for (const { given, family } of names) {
    for (const part of [given, family]) if (part.length >= SHORTEST_NAME_ALONE) needles.add(part);
    needles.add(`${given} ${family}`);
    needles.add(`${given}${family}`);
    needles.add(`${family}, ${given}`);
    needles.add(`${family} ${given}`);
  }
  return [...needles].filter((needle) => needle.trim() !== '');
}

function utf16Needles(names: { given: string; family: string }[]): string[] {
  return [...new Set(names.flatMap(({ given, family }) => [given, family]).filter((name) => name !== ''))];
}

/** Case-insensitive search of every file under `dir` for the names, as UTF-8, UTF-16LE and UTF-16BE. */
export function findNamesInFiles(dir: string, names: { given: string; family: string }[]): NameHit[] {
  const hits: NameHit[] = [];
  const lowerBytes = (text: string, encoding: 'utf8' | 'utf16le'): string => Buffer.from(text.toLowerCase(), encoding).toString('latin1');
  const utf8 = needlesFor(names).map((needle) => ({ needle, encoding: 'utf-8', bytes: lowerBytes(needle, 'utf8') }));
  const utf16 = utf16Needles(names).flatMap((needle) => {
    const le = lowerBytes(needle, 'utf16le');
    const be = Buffer.from(le, 'latin1').swap16().toString('latin1');
    return [
      { needle, encoding: 'utf-16le', bytes: le },
      { needle, encoding: 'utf-16be', bytes: be },
    ];
  });
  for (const { path, bytes } of readAllFiles(dir)) {
    const haystack = bytes.toString('latin1').toLowerCase();
    for (const candidate of [...utf8, ...utf16]) {
      if (haystack.includes(candidate.bytes)) hits.push({ file: path, needle: candidate.needle, encoding: candidate.encoding });
    }
  }
  return hits;
}
