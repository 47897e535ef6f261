import { fhirString, isFhirObject } from './fhirJson.ts';

const PATIENT_URL = /(?:^|\/)Patient\/([^/]+)(?:\/_history\/[^/]+)?$/;
const URN_UUID = /^urn:uuid:(.+)$/;

/** Resolves the references clinical resources make to the patients of the same bundle, to the patient's id. */
export class PatientReferences {
  private readonly byFullUrl = new Map<string, string>();
  private readonly ids = new Set<string>();

  /** Registers a patient; false when another patient of the bundle already has this id. */
  register(id: string, fullUrl: string | undefined): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    if (fullUrl !== undefined) this.byFullUrl.set(fullUrl, id);
    return true;
  }

  /** The id of the patient a Reference (`urn:uuid:<id>`, `Patient/<id>`, or an entry's fullUrl) points at. */
  resolve(reference: unknown): string | undefined {
    const target = isFhirObject(reference) ? fhirString(reference.reference) : undefined;
    if (target === undefined) return undefined;
    const byUrl = this.byFullUrl.get(target);
    if (byUrl !== undefined) return byUrl;
    const id = PATIENT_URL.exec(target)?.[1] ?? URN_UUID.exec(target)?.[1];
    return id !== undefined && this.ids.has(id) ? id : undefined;
  }
}
