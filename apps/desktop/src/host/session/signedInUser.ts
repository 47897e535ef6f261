/** The person signed in on this workstation, as the sync server described them. Kept in host memory only. */
export interface SignedInUser {
  id: string;
  name: string;
  email: string;
  role: string;
  tenantId: string;
  tenantName: string;
}

export type SessionState = 'workstation-locked' | 'needs-setup' | 'signed-out' | 'signed-in';
