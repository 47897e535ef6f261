import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** The reference input beside the repository (../shared/fixtures/synthea); never edited. */
export const SYNTHEA_DIR = resolve(import.meta.dirname, '../../../../../../shared/fixtures/synthea');

export interface FixtureBundle {
  fileName: string;
  bundle: unknown;
}

export function readSyntheaBundles(): FixtureBundle[] {
  return readdirSync(SYNTHEA_DIR)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((fileName) => ({ fileName, bundle: JSON.parse(readFileSync(join(SYNTHEA_DIR, fileName), 'utf8')) as unknown }));
}

/** Every given and family name of every Patient in the bundles (official, maiden, any use). */
export function patientNames(bundles: FixtureBundle[]): { given: string; family: string }[] {
  const names: { given: string; family: string }[] = [];
  for (const { bundle } of bundles) {
    const entries = (bundle as { entry?: { resource?: { resourceType?: string; name?: { given?: string[]; family?: string }[] } }[] }).entry ?? [];
    for (const { resource } of entries) {
      if (resource?.resourceType !== 'Patient') continue;
      for (const name of resource.name ?? []) {
        for (const given of name.given ?? []) names.push({ given, family: name.family ?? '' });
      }
    }
  }
  return names;
}
