import type { PatientRegistration } from '../../../src/host/local/patients.ts';

/** A made-up patient for tests: only the fields a test cares about need to be given. */
export function patientInput(overrides: Partial<PatientRegistration> = {}): PatientRegistration {
  return {
    givenName: 'Ada',
    familyName: 'Testperson',
    birthDate: '1980-05-17',
    sex: 'female',
    ...overrides,
  };
}
