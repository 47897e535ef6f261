/** Errors are values with a code, a message a clinician understands and a path; they never carry PHI. */
export const appErrorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'FORBIDDEN',
  'UNAUTHORIZED',
  /** The account was disabled by the clinic: a workstation ends the session and refuses offline sign-in too. */
  'ACCOUNT_DISABLED',
  'LOCKED',
  /** The workstation is registered but an administrator has not approved it yet. */
  'DEVICE_PENDING',
  /** The clinic revoked this workstation: it erases its local data at once. */
  'DEVICE_REVOKED',
  'OFFLINE',
  'IMPORT_INVALID',
  'INTERNAL',
] as const;
export type AppErrorCode = (typeof appErrorCodes)[number];

export interface Issue {
  /** Where the problem is, e.g. `birthDate` or `entry[3].resource.code`. */
  path: string;
  message: string;
}

export class AppError extends Error {
  readonly code: AppErrorCode;
  readonly issues: Issue[];
  constructor(code: AppErrorCode, message: string, issues: Issue[] = []) {
    super(message);
    this.name = 'AppError';
    this.code = code;
    this.issues = issues;
  }
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}
