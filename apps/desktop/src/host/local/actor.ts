/** Who makes a local change: the signed-in user (the device comes from the store). */
export interface Actor {
  userId: string;
  /** The role they act in, as the audit trail records it. */
  role?: string;
}
