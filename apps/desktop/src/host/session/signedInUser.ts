/** The person signed in on this workstation, as the sync server described them. Kept in host memory only. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: string;
  tenantId: string;
  tenantName: string;
}

/** `mfa-required` / `mfa-enrolment-required`: the password was accepted; a code (or setting up the authenticator) comes next. */
export type SessionState = 'workstation-locked' | 'needs-setup' | 'signed-out' | 'signed-in' | 'session-locked' | 'mfa-required' | 'mfa-enrolment-required'
  /** Registered with the clinic, waiting for an administrator's approval (device/workstationStanding.ts). */
  | 'workstation-pending'
  /** Revoked by the clinic: its local data has been erased. */
  | 'workstation-revoked';
