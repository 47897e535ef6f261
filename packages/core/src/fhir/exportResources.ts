import type { AllergyFields } from '../schemas/allergy.ts';
import type { ConditionFields } from '../schemas/condition.ts';
import type { MedicationFields } from '../schemas/medication.ts';
import type { PatientFields } from '../schemas/patient.ts';
import type { FhirObject } from './fhirJson.ts';
import { RXNORM_SYSTEM } from './medication.ts';

/**
 * Chart records → FHIR R4 resources: the inverse of the import mapping (patient.ts, allergy.ts, condition.ts,
 * medication.ts), so a bundle written here maps back to the same fields. Absent values are left out, never null.
 */

const IDENTIFIER_TYPE_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v2-0203';
const SSN_SYSTEM = 'http://hl7.org/fhir/sid/us-ssn';
const DRIVERS_LICENSE_SYSTEM = 'http://hl7.org/fhir/sid/us-dl';
const CONFIDENTIALITY_SYSTEM = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality';
const ALLERGY_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-clinical';
const ALLERGY_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/allergyintolerance-verification';
const CONDITION_CLINICAL_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-clinical';
const CONDITION_VERIFICATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/condition-ver-status';
const ENTERED_IN_ERROR = 'entered-in-error';

type Stored<Fields> = { id: string } & Fields;
export type ExportedPatient = Stored<PatientFields>;
export type ExportedAllergy = Stored<Omit<AllergyFields, 'patientId'>>;
export type ExportedCondition = Stored<Omit<ConditionFields, 'patientId'>>;
export type ExportedMedication = Stored<Omit<MedicationFields, 'patientId'>>;

/** Leaves out the keys whose value is null or undefined. */
function present(fields: Record<string, unknown>): FhirObject {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== null && value !== undefined));
}

function coded(system: string, code: string): FhirObject {
  return { coding: [{ system, code }] };
}

function concept(text: string, coding: { system: string | null; code: string | null } | null): FhirObject {
  const hasCoding = coding !== null && (coding.system !== null || coding.code !== null);
  return present({ coding: hasCoding ? [present({ system: coding.system, code: coding.code })] : null, text });
}

export function patientReference(patientId: string): FhirObject {
  return { reference: `urn:uuid:${patientId}` };
}

function identifierOfType(code: string, value: string): FhirObject {
  return { type: coded(IDENTIFIER_TYPE_SYSTEM, code), value };
}

export function patientResource(patient: ExportedPatient): FhirObject {
  const identifier = [identifierOfType('MR', patient.mrn)];
  if (patient.ssn) identifier.push({ ...identifierOfType('SS', patient.ssn), system: SSN_SYSTEM });
  if (patient.driversLicense) identifier.push({ ...identifierOfType('DL', patient.driversLicense), system: DRIVERS_LICENSE_SYSTEM });
  const telecom = [
    patient.phone ? { system: 'phone', value: patient.phone, use: 'home' } : null,
    patient.email ? { system: 'email', value: patient.email } : null,
  ].filter((contact) => contact !== null);
  const address = present({
    line: patient.addressLine ? [patient.addressLine] : null,
    city: patient.city,
    state: patient.state,
    postalCode: patient.postalCode,
  });
  return present({
    resourceType: 'Patient',
    id: patient.id,
    // A restricted record says so to whoever receives it; an import never restricts a patient by itself.
    meta: patient.restricted ? { security: [{ system: CONFIDENTIALITY_SYSTEM, code: 'R' }] } : null,
    identifier,
    name: [{ use: 'official', family: patient.familyName, given: [patient.givenName] }],
    telecom: telecom.length > 0 ? telecom : null,
    gender: patient.sex,
    birthDate: patient.birthDate,
    deceasedDateTime: patient.deceasedDate,
    address: Object.keys(address).length > 0 ? [address] : null,
  });
}

export function allergyResource(allergy: ExportedAllergy, patientId: string): FhirObject {
  const enteredInError = allergy.status === ENTERED_IN_ERROR;
  return present({
    resourceType: 'AllergyIntolerance',
    id: allergy.id,
    clinicalStatus: enteredInError ? null : coded(ALLERGY_CLINICAL_SYSTEM, allergy.status),
    verificationStatus: enteredInError ? coded(ALLERGY_VERIFICATION_SYSTEM, ENTERED_IN_ERROR) : null,
    category: allergy.category ? [allergy.category] : null,
    criticality: allergy.criticality,
    code: concept(allergy.substance, { system: allergy.codeSystem, code: allergy.code }),
    patient: patientReference(patientId),
    recordedDate: allergy.recordedDate,
    reaction: allergy.reaction ? [{ manifestation: [{ text: allergy.reaction }] }] : null,
  });
}

export function conditionResource(condition: ExportedCondition, patientId: string): FhirObject {
  const enteredInError = condition.clinicalStatus === ENTERED_IN_ERROR;
  return present({
    resourceType: 'Condition',
    id: condition.id,
    clinicalStatus: enteredInError ? null : coded(CONDITION_CLINICAL_SYSTEM, condition.clinicalStatus),
    verificationStatus: enteredInError ? coded(CONDITION_VERIFICATION_SYSTEM, ENTERED_IN_ERROR) : null,
    code: concept(condition.display, { system: condition.codeSystem, code: condition.code }),
    subject: patientReference(patientId),
    onsetDateTime: condition.onsetDate,
    abatementDateTime: condition.abatementDate,
    recordedDate: condition.recordedDate,
  });
}

export function medicationStatementResource(medication: ExportedMedication, patientId: string): FhirObject {
  const period = present({ start: medication.startDate, end: medication.endDate });
  return present({
    resourceType: 'MedicationStatement',
    id: medication.id,
    status: medication.status,
    medicationCodeableConcept: concept(medication.display, medication.rxnormCode ? { system: RXNORM_SYSTEM, code: medication.rxnormCode } : null),
    subject: patientReference(patientId),
    effectivePeriod: Object.keys(period).length > 0 ? period : null,
    dosage: medication.dosageText ? [{ text: medication.dosageText }] : null,
  });
}
