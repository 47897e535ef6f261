import { cities, familyNames, femaleGivenNames, maleGivenNames, streetNames } from './names.ts';
import { SeededRandom } from './seededRandom.ts';

/** A made-up patient in the shape the host's registration takes, MRN included so it can be searched for. */
export interface SyntheticPatient {
  mrn: string;
  givenName: string;
  familyName: string;
  birthDate: string;
  sex: 'female' | 'male' | 'other' | 'unknown';
  phone: string;
  addressLine: string;
  city: string;
  state: string;
  postalCode: string;
}

export const DEFAULT_SEED = 20_240_601;

/** The MRN alphabet the host uses (Crockford base32). */
const MRN_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const FIRST_BIRTH_DAY = Date.UTC(1925, 0, 1) / 86_400_000;
const LAST_BIRTH_DAY = Date.UTC(2024, 11, 31) / 86_400_000;

/** `count` distinct-MRN patients, the same ones for the same seed. */
export function syntheticPatients(count: number, seed = DEFAULT_SEED): SyntheticPatient[] {
  const random = new SeededRandom(seed);
  const mrns = new Set<string>();
  const patients: SyntheticPatient[] = [];
  while (patients.length < count) {
    const mrn = randomMrn(random);
    if (mrns.has(mrn)) continue;
    mrns.add(mrn);
    const sex = random.chance(0.02) ? random.pick(['other', 'unknown'] as const) : random.chance(0.5) ? 'female' : 'male';
    const givenNames = sex === 'female' ? femaleGivenNames : sex === 'male' ? maleGivenNames : random.pick([femaleGivenNames, maleGivenNames]);
    const [city, state] = random.pick(cities);
    patients.push({
      mrn,
      givenName: random.chance(0.1) ? `${random.pick(givenNames)} ${random.pick(givenNames)}` : random.pick(givenNames),
      familyName: randomFamilyName(random),
      birthDate: new Date((FIRST_BIRTH_DAY + random.int(LAST_BIRTH_DAY - FIRST_BIRTH_DAY + 1)) * 86_400_000).toISOString().slice(0, 10),
      sex,
      phone: `(555) ${String(100 + random.int(900))}-${String(random.int(10_000)).padStart(4, '0')}`,
      addressLine: `${1 + random.int(9_999)} ${random.pick(streetNames)}`,
      city,
      state,
      postalCode: String(10_000 + random.int(90_000)),
    });
  }
  return patients;
}

/** Mostly one family name; some hyphenated or double (Spanish style), as registration forms get them. */
function randomFamilyName(random: SeededRandom): string {
  const first = random.pick(familyNames);
  if (random.chance(0.05)) return `${first}-${random.pick(familyNames)}`;
  if (random.chance(0.08)) return `${first} ${random.pick(familyNames)}`;
  return first;
}

/** Like the host's made MRNs ("4K7QX-2M9TB"): a leading digit, then nine base32 characters. */
function randomMrn(random: SeededRandom): string {
  let value = String(1 + random.int(9));
  for (let i = 0; i < 9; i++) value += MRN_ALPHABET[random.int(MRN_ALPHABET.length)];
  return `${value.slice(0, 5)}-${value.slice(5)}`;
}
