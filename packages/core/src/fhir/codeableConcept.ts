import { findInArray, fhirString, isFhirObject, type FhirPath } from './fhirJson.ts';

export interface ConceptText {
  text: string;
  /** Where the text came from, relative to the concept. */
  path: FhirPath;
}

/** The human-readable name of a CodeableConcept: its text, else the display of its first coding that has one. */
export function conceptText(concept: unknown): ConceptText | undefined {
  if (!isFhirObject(concept)) return undefined;
  const text = fhirString(concept.text);
  if (text !== undefined && text.trim() !== '') return { text, path: ['text'] };
  const coded = findInArray(concept.coding, (coding) => (fhirString(coding.display) ?? '').trim() !== '');
  return coded ? { text: coded.item.display as string, path: ['coding', coded.index, 'display'] } : undefined;
}

export interface Coding {
  code: string | null;
  system: string | null;
  index: number;
}

/** The first coding of a concept, or the first one from the given code system. */
export function firstCoding(concept: unknown, system?: string): Coding | undefined {
  if (!isFhirObject(concept)) return undefined;
  const found = findInArray(concept.coding, (coding) => system === undefined || coding.system === system);
  if (!found) return undefined;
  return { code: fhirString(found.item.code) ?? null, system: fhirString(found.item.system) ?? null, index: found.index };
}

/** A status carried as a CodeableConcept (R4) or a plain code (older senders): its first code. */
export function statusCode(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return firstCoding(value)?.code ?? undefined;
}
