import { hostname } from 'node:os';
import { AppError } from '@eonpro/core';
import type { ServerConnection } from '../server/serverConnection.ts';
import { toAppError } from '../server/serverErrors.ts';
import type { DeviceIdentity } from './deviceIdentity.ts';
import type { RevocationMarker } from './revocationMarker.ts';

/** A workstation the server registered but no administrator has approved yet. */
export interface PendingApproval {
  /** The clinic it registered with: where to ask whether it was approved. */
  tenantId: string;
  /** The name the administrator sees in the list (this computer's name). */
  name: string;
  /** The public key's fingerprint, XXXX-XXXX, to compare with the administrator's list. */
  code: string;
}

/** Where this workstation stands with the clinic: waiting for approval, revoked and erased, or neither. */
export class WorkstationStanding {
  pending: PendingApproval | null = null;
  revoked: RevocationMarker | null = null;

  /** Runs a sign-in; a DEVICE_PENDING answer is remembered, so the app can show the code and wait for approval. */
  async watchSignIn<T>(identity: DeviceIdentity, signIn: () => Promise<T>): Promise<T> {
    try {
      const result = await signIn();
      this.pending = null;
      return result;
    } catch (error) {
      const tenantId = error instanceof AppError && error.code === 'DEVICE_PENDING' ? error.issues.find((issue) => issue.path === 'tenantId')?.message : undefined;
      if (tenantId) this.pending = { tenantId, name: hostname(), code: identity.fingerprint };
      throw error;
    }
  }

  /**
   * Asks the server whether this waiting workstation has been approved (proving it holds its key). True once it
   * has: the person signs in again. A revoked answer erases the workstation (ServerConnection.onDeviceRevoked).
   */
  async checkApproval(connection: ServerConnection, identity: DeviceIdentity): Promise<boolean> {
    const pending = this.pending;
    if (!pending) return true;
    const deviceProof = identity.proof('registration-status', identity.deviceId, connection.serverUrl);
    let answer;
    try {
      answer = await connection.call((client) => client.devices.registrationStatus.query({ tenantId: pending.tenantId, deviceId: identity.deviceId, deviceProof }));
    } catch (error) {
      throw toAppError(error);
    }
    if (answer.status === 'approved') this.pending = null;
    return answer.status === 'approved';
  }
}
