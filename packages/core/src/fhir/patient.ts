import { driversLicenseSchema, ssnSchema } from '../schemas/identifiers.ts';
import { patientFieldsSchema, type PatientFields } from '../schemas/patient.ts';
import { fhirArray, fhirString, findInArray, isFhirObject, type FhirObject, type FhirPath } from './fhirJson.ts';
import { readFhirDate } from './fhirDate.ts';
import type { IssueList } from './issueList.ts';
import { MappedFields, validateMapped } from './mappedFields.ts';
import { SKIPPED_DRIVERS_LICENSE, SKIPPED_SSN, type SkippedResourceCounter } from './skippedResources.ts';

const SSN_SYSTEM = 'http://hl7.org/fhir/sid/us-ssn';
const DRIVERS_LICENSE_SYSTEM = 'http://hl7.org/fhir/sid/us-dl';
/** US state driver's licence OIDs (Synthea: urn:oid:2.16.840.1.113883.4.3.<state FIPS code>). */
const STATE_LICENSE_OID = 'urn:oid:2.16.840.1.113883.4.3.';

/**
 * Patient → demographics. The official name (else the first), its first given name and family name; the first
 * home phone (else the first phone); the first email; the first address; the MRN from the identifier typed MR,
 * else the Patient's id. sourceId is the Patient's id, so a re-import finds the same person. The SSN (us-ssn or
 * type SS) and driver's licence (us-dl, a state licence OID or type DL); one that is not valid is left out and
 * counted in `skipped` (Synthea's SSNs all start with 999, which the SSA never issues).
 */
export function mapPatient(resource: FhirObject, sourceId: string, at: FhirPath, issues: IssueList, skipped: SkippedResourceCounter): PatientFields | null {
  const fields = new MappedFields();
  readName(resource, fields, at, issues);
  readMrn(resource, sourceId, fields);
  fields.set('birthDate', readFhirDate(resource, 'birthDate', at, issues, { required: true }) ?? '', ['birthDate']);
  fields.set('sex', resource.gender ?? 'unknown', ['gender']);
  readTelecom(resource, fields);
  readAddress(resource, fields);
  readIdentifiers(resource, fields, skipped);
  if (resource.deceasedDateTime !== undefined) {
    fields.set('deceasedDate', readFhirDate(resource, 'deceasedDateTime', at, issues), ['deceasedDateTime']);
  }
  fields.set('sourceId', sourceId, ['id']);
  return validateMapped(patientFieldsSchema, fields, at, issues);
}

function readName(resource: FhirObject, fields: MappedFields, at: FhirPath, issues: IssueList): void {
  const name = findInArray(resource.name, (n) => n.use === 'official') ?? findInArray(resource.name, () => true);
  if (!name) {
    issues.add([...at, 'name'], 'Needs a name with a given and a family name');
    fields.markReported('givenName');
    fields.markReported('familyName');
    return;
  }
  const base = ['name', name.index];
  const given = fhirArray(name.item.given)[0];
  fields.set('givenName', typeof given === 'string' ? given : '', [...base, 'given', 0]);
  fields.set('familyName', fhirString(name.item.family) ?? '', [...base, 'family']);
}

function readMrn(resource: FhirObject, sourceId: string, fields: MappedFields): void {
  const isMrn = (identifier: FhirObject) =>
    isFhirObject(identifier.type) && fhirArray(identifier.type.coding).some((c) => isFhirObject(c) && c.code === 'MR');
  const mrn = findInArray(resource.identifier, (identifier) => isMrn(identifier) && identifier.value !== undefined);
  if (mrn) fields.set('mrn', mrn.item.value, ['identifier', mrn.index, 'value']);
  else fields.set('mrn', sourceId, ['id']);
}

function hasTypeCode(identifier: FhirObject, code: string): boolean {
  return isFhirObject(identifier.type) && fhirArray(identifier.type.coding).some((c) => isFhirObject(c) && c.code === code);
}

function readIdentifiers(resource: FhirObject, fields: MappedFields, skipped: SkippedResourceCounter): void {
  const ssn = findInArray(resource.identifier, (identifier) => identifier.system === SSN_SYSTEM || hasTypeCode(identifier, 'SS'));
  if (ssn) {
    const parsed = ssnSchema.safeParse(ssn.item.value);
    if (parsed.success) fields.set('ssn', parsed.data, ['identifier', ssn.index, 'value']);
    else skipped.add(SKIPPED_SSN);
  }
  const isLicense = (identifier: FhirObject) =>
    identifier.system === DRIVERS_LICENSE_SYSTEM || (typeof identifier.system === 'string' && identifier.system.startsWith(STATE_LICENSE_OID)) || hasTypeCode(identifier, 'DL');
  const license = findInArray(resource.identifier, isLicense);
  if (license) {
    const parsed = driversLicenseSchema.safeParse(license.item.value);
    if (parsed.success) fields.set('driversLicense', parsed.data, ['identifier', license.index, 'value']);
    else skipped.add(SKIPPED_DRIVERS_LICENSE);
  }
}

function readTelecom(resource: FhirObject, fields: MappedFields): void {
  const phone =
    findInArray(resource.telecom, (t) => t.system === 'phone' && t.use === 'home') ??
    findInArray(resource.telecom, (t) => t.system === 'phone');
  if (phone) fields.set('phone', phone.item.value, ['telecom', phone.index, 'value']);
  const email = findInArray(resource.telecom, (t) => t.system === 'email');
  if (email) fields.set('email', email.item.value, ['telecom', email.index, 'value']);
}

function readAddress(resource: FhirObject, fields: MappedFields): void {
  const address = fhirArray(resource.address)[0];
  if (!isFhirObject(address)) return;
  const base = ['address', 0];
  const line = fhirArray(address.line)[0];
  if (line !== undefined) fields.set('addressLine', line, [...base, 'line', 0]);
  for (const [field, element] of [['city', 'city'], ['state', 'state'], ['postalCode', 'postalCode']] as const) {
    if (address[element] !== undefined) fields.set(field, address[element], [...base, element]);
  }
}
