/**
 * Object keys whose values never reach a log: secrets, and the fields that hold a patient's identity or free text.
 * Written as the code spells them; matching ignores case, `_` and `-`, so `given_name` and `x-launch-token` count.
 */
const secretKeys = [
  'password',
  'newPassword',
  'currentPassword',
  'passphrase',
  'secret',
  'totpSecret',
  'clientSecret',
  'token',
  'accessToken',
  'refreshToken',
  'idToken',
  'launchToken',
  'apiKey',
  'authorization',
  'cookie',
  'totp',
  'otp',
  'mfaCode',
  'privateKey',
  'dataKey',
  'databaseKey',
  'wrappedKey',
] as const;

const patientKeys = [
  'name',
  'givenName',
  'familyName',
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'patientName',
  'userName',
  'adminName',
  'displayName',
  // Import files are often named after the patient (Synthea: Given_Family_uuid.json).
  'fileName',
  'birthDate',
  'dateOfBirth',
  'dob',
  'deceasedDate',
  'phone',
  'telecom',
  'email',
  'address',
  'addressLine',
  'street',
  'city',
  'postalCode',
  'zip',
  'zipCode',
  'ssn',
  'driversLicense',
  'mrn',
  'identifier',
  'query',
  'q',
  'text',
  'note',
  'notes',
  'comment',
  'body',
  'reasonText',
  // Whole payloads that carry patient data: tRPC inputs, mutation fields and changes, FHIR bundles and resources.
  'input',
  'fields',
  'changes',
  'bundle',
  'resource',
] as const;

/** Key endings that mark a secret or an identity field whatever comes before: `csrfToken`, `homePhone`, `patientMrn`. */
const sensitiveEndings = ['password', 'passphrase', 'secret', 'token', 'apikey', 'cookie', 'phone', 'email', 'birthdate', 'ssn', 'mrn', 'license', 'licence'];

export const sensitiveKeyNames: readonly string[] = [...secretKeys, ...patientKeys];

const normalizedKeys = new Set(sensitiveKeyNames.map(normalizeKey));

function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_-]/g, '');
}

export function isSensitiveKey(key: string): boolean {
  const normalized = normalizeKey(key);
  return normalizedKeys.has(normalized) || sensitiveEndings.some((ending) => normalized.endsWith(ending));
}

function snakeCase(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

/**
 * pino's `redact.paths`: every sensitive key, camelCase and snake_case, at the top level and one or two objects
 * down (so `req.headers.authorization` too), plus the credential headers spelled with dashes. Deeper or oddly
 * named fields are caught by `redactValue`.
 */
export const redactPaths: readonly string[] = [...new Set(sensitiveKeyNames.flatMap((key) => [key, snakeCase(key)]))]
  .flatMap((key) => [key, `*.${key}`, `*.*.${key}`])
  // pino's own top-level `name` is the logger's name; a `name` one level down or deeper is still redacted.
  .filter((path) => path !== 'name')
  .concat(['req.headers["x-eonpro-launch-token"]', 'res.headers["set-cookie"]']);
