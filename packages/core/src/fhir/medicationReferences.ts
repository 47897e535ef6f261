import { fhirArray, fhirString, isFhirObject, type FhirObject } from './fhirJson.ts';

const MEDICATION_URL = /(?:^|\/)Medication\/([^/]+)(?:\/_history\/[^/]+)?$/;
const URN_UUID = /^urn:uuid:(.+)$/;

/** Finds the Medication resources that MedicationRequest.medicationReference points at, within the bundle. */
export class MedicationReferences {
  private readonly byFullUrl = new Map<string, FhirObject>();
  private readonly byId = new Map<string, FhirObject>();

  register(medication: FhirObject, fullUrl: string | undefined): void {
    const id = fhirString(medication.id);
    if (id !== undefined) this.byId.set(id, medication);
    if (fullUrl !== undefined) this.byFullUrl.set(fullUrl, medication);
  }

  /** The Medication a reference names: contained (`#id`), an entry's fullUrl, `Medication/<id>` or `urn:uuid:<id>`. */
  resolve(reference: unknown, referrer: FhirObject): FhirObject | undefined {
    const target = isFhirObject(reference) ? fhirString(reference.reference) : undefined;
    if (target === undefined) return undefined;
    if (target.startsWith('#')) {
      return fhirArray(referrer.contained).find(
        (c): c is FhirObject => isFhirObject(c) && c.resourceType === 'Medication' && c.id === target.slice(1),
      );
    }
    const id = MEDICATION_URL.exec(target)?.[1] ?? URN_UUID.exec(target)?.[1];
    return this.byFullUrl.get(target) ?? (id === undefined ? undefined : this.byId.get(id));
  }
}
