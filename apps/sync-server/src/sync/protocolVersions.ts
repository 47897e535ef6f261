import { AppError, SUPPORTED_PROTOCOL_VERSIONS, SYNC_SCHEMA_VERSION } from '@eonpro/core';

/** Schema versions this server accepts changes and serves records in. */
export const SUPPORTED_SCHEMA_VERSIONS: readonly number[] = [SYNC_SCHEMA_VERSION];

/** A workstation speaking a protocol or schema this server does not is refused as a whole, naming both sides' versions. */
export function requireSupportedVersions(request: { protocolVersion: number; schemaVersion: number }): void {
  const protocolOk = (SUPPORTED_PROTOCOL_VERSIONS as readonly number[]).includes(request.protocolVersion);
  const schemaOk = SUPPORTED_SCHEMA_VERSIONS.includes(request.schemaVersion);
  if (protocolOk && schemaOk) return;
  throw new AppError(
    'VALIDATION',
    `This workstation uses sync protocol ${request.protocolVersion} and schema ${request.schemaVersion}; ` +
      `this server supports protocol ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')} and schema ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}. ` +
      'Update the workstation or the server so they match.',
    [
      ...(protocolOk ? [] : [{ path: 'protocolVersion', message: `Supported: ${SUPPORTED_PROTOCOL_VERSIONS.join(', ')}` }]),
      ...(schemaOk ? [] : [{ path: 'schemaVersion', message: `Supported: ${SUPPORTED_SCHEMA_VERSIONS.join(', ')}` }]),
    ],
  );
}
