/** The key tests (sealer, sealed identifiers, rotation, signing keys), run on each storage backend. */
import { describeOnBackend } from '../support/backendSuite.ts';
import type { TestBackend } from '../support/backends.ts';
import { dataKeyRotationTests } from './dataKeyRotation.ts';
import { masterRotationTests } from './masterRotation.ts';
import { sealedIdentifierTests } from './sealedIdentifiers.ts';
import { sealingTests } from './sealing.ts';
import { signingKeyTests } from './signingKeys.ts';

export function runKeysSuite(backend: TestBackend): void {
  describeOnBackend('keys', backend, [sealingTests, sealedIdentifierTests, dataKeyRotationTests, masterRotationTests, signingKeyTests]);
}
