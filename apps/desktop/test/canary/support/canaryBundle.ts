import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SYNTHEA_DIR } from '../../host/support/synthea.ts';
import type { CanaryPatient } from './canaries.ts';

interface FhirPatient {
  resourceType: 'Patient';
  id: string;
  name: Array<{ use?: string; given: string[]; family: string; prefix?: string[] }>;
  identifier: Array<{ type?: { coding?: Array<{ code?: string }> }; value: string }>;
  telecom: Array<{ system: string; value: string; use?: string }>;
  address: Array<{ line: string[]; city: string }>;
  birthDate: string;
}

/**
 * A Synthea bundle (the real fixture `template`, every clinical resource kept) whose Patient is the canary:
 * its names, birth date, MRN, SSN, phone and address replaced, named the way Synthea names its files.
 */
export function canaryBundle(template: string, canary: CanaryPatient): { fileName: string; bundle: unknown } {
  const bundle = JSON.parse(readFileSync(join(SYNTHEA_DIR, template), 'utf8')) as { entry: Array<{ resource: { resourceType: string } }> };
  const patient = bundle.entry.find((entry) => entry.resource.resourceType === 'Patient')!.resource as FhirPatient;
  patient.name = [{ use: 'official', given: [canary.given], family: canary.family }];
  patient.birthDate = canary.birthDate;
  patient.telecom = [{ system: 'phone', value: canary.phone, use: 'home' }];
  patient.address = [{ ...patient.address[0]!, line: [canary.addressLine], city: canary.city }];
  for (const identifier of patient.identifier) {
    const code = identifier.type?.coding?.[0]?.code;
    if (code === 'MR') identifier.value = canary.mrn;
    if (code === 'SS') identifier.value = canary.ssn;
  }
  return { fileName: `${canary.given}_${canary.family}_${patient.id}.json`, bundle };
}
