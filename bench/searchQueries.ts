import type { PatientSummary } from '../apps/desktop/src/host/db/records.ts';
import { SeededRandom } from './seededRandom.ts';
import type { SyntheticPatient } from './syntheticPatients.ts';

export const queryKinds = ['exact name', 'typo', 'accent-folded', 'birth date', 'MRN'] as const;
export type QueryKind = (typeof queryKinds)[number];

/** One search as someone at the front desk would type it, and the patient they are looking for. */
export interface BenchQuery {
  kind: QueryKind;
  text: string;
  patientIndex: number;
}

/** How often each kind is typed, out of 20. */
const MIX: Record<QueryKind, number> = { 'exact name': 6, typo: 4, 'accent-folded': 3, 'birth date': 4, MRN: 3 };
const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
/** Letters a US keyboard cannot type directly and what people type instead; the rest lose their accents. */
const TYPED_INSTEAD: Record<string, string> = { ł: 'l', Ł: 'L', ø: 'o', Ø: 'O', ß: 'ss', đ: 'd', Đ: 'D', ı: 'i', æ: 'ae', Æ: 'Ae' };

export function searchQueries(patients: readonly SyntheticPatient[], count: number, seed: number): BenchQuery[] {
  const random = new SeededRandom(seed);
  const weighted = queryKinds.flatMap((kind) => Array<QueryKind>(MIX[kind]).fill(kind));
  const accented = patients.flatMap((patient, index) => (typedWithoutAccents(fullName(patient)) !== fullName(patient) ? [index] : []));
  const queries: BenchQuery[] = [];
  for (let i = 0; i < count; i++) {
    let kind = weighted[i % weighted.length]!;
    if (kind === 'accent-folded' && accented.length === 0) kind = 'exact name';
    const patientIndex = kind === 'accent-folded' ? random.pick(accented) : random.int(patients.length);
    queries.push({ kind, text: queryText(kind, patients[patientIndex]!, random), patientIndex });
  }
  return queries;
}

/** Whether the search found the patient: an MRN must find exactly them, anything else must list them. */
export function isHit(query: BenchQuery, results: readonly PatientSummary[], expectedId: string): boolean {
  if (query.kind === 'MRN') return results.length === 1 && results[0]!.id === expectedId;
  return results.some((result) => result.id === expectedId);
}

function queryText(kind: QueryKind, patient: SyntheticPatient, random: SeededRandom): string {
  switch (kind) {
    case 'exact name':
      return random.chance(0.3) ? `${patient.familyName}, ${patient.givenName}` : fullName(patient);
    case 'typo':
      return withOneTypo(fullName(patient), random);
    case 'accent-folded':
      return typedWithoutAccents(fullName(patient));
    case 'birth date':
      return formatBirthDate(patient.birthDate, random);
    case 'MRN':
      return random.pick([patient.mrn, patient.mrn.toLowerCase(), `MRN ${patient.mrn}`]);
  }
}

function fullName(patient: SyntheticPatient): string {
  return `${patient.givenName} ${patient.familyName}`;
}

function typedWithoutAccents(text: string): string {
  return Array.from(text, (char) => TYPED_INSTEAD[char] ?? char)
    .join('')
    .normalize('NFD')
    .replace(/\p{M}+/gu, '')
    .normalize('NFC');
}

/** One slip of the finger (a wrong, missing, extra or swapped letter) in a word of four letters or more, not its first letter. */
function withOneTypo(name: string, random: SeededRandom): string {
  const words = name.split(' ');
  const candidates = words.flatMap((word, index) => (Array.from(word).length >= 4 ? [index] : []));
  if (candidates.length === 0) return name;
  const index = random.pick(candidates);
  const letters = Array.from(words[index]!);
  const at = 1 + random.int(letters.length - 2);
  const letter = random.pick(Array.from(LETTERS));
  const slip = random.int(4);
  if (slip === 0) letters.splice(at, 1);
  else if (slip === 1) letters.splice(at, 0, letter);
  else if (slip === 2 && letters[at] !== letters[at + 1]) [letters[at], letters[at + 1]] = [letters[at + 1]!, letters[at]!];
  else letters[at] = letters[at] === letter ? (letter === 'a' ? 'e' : 'a') : letter;
  words[index] = letters.join('');
  return words.join(' ');
}

function formatBirthDate(iso: string, random: SeededRandom): string {
  const [year, month, day] = iso.split('-');
  return random.pick([iso, `${month}/${day}/${year}`, `${day}.${month}.${year}`]);
}
