import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { issuesFromZod } from '../errors/validation.ts';
import { uuidv7 } from '../ids/uuidv7.ts';
import { pullRequestSchema, pushRequestSchema, pushResponseSchema, type Mutation } from './envelope.ts';
import { HybridClock } from './hlc.ts';
import { MAX_PULL_PAGE, MAX_PUSH_BATCH, SYNC_PROTOCOL_VERSION, SYNC_SCHEMA_VERSION } from './protocol.ts';

const deviceId = uuidv7();
const clock = new HybridClock('device-1');

function mutation(seq: number): Mutation {
  const rev = clock.tick();
  return {
    mutationId: uuidv7(),
    deviceId,
    seq,
    entity: 'patient',
    recordId: uuidv7(),
    op: 'create',
    fields: { givenName: 'Alex', familyName: 'Testperson' },
    fieldRevs: { givenName: rev, familyName: rev },
    baseRev: null,
    madeAt: '2024-05-17T12:30:00.000+02:00',
  };
}

function pushRequest(count: number) {
  return {
    protocolVersion: SYNC_PROTOCOL_VERSION,
    schemaVersion: SYNC_SCHEMA_VERSION,
    deviceId,
    mutations: Array.from({ length: count }, (_, i) => mutation(i + 1)),
  };
}

describe('sync envelope', () => {
  it('accepts a valid push request', () => {
    const request = pushRequest(2);
    assert.deepEqual(pushRequestSchema.parse(request), request);
  });

  it('accepts a full batch and refuses one over MAX_PUSH_BATCH, at mutations', () => {
    assert.ok(pushRequestSchema.safeParse(pushRequest(MAX_PUSH_BATCH)).success);
    const result = pushRequestSchema.safeParse(pushRequest(MAX_PUSH_BATCH + 1));
    assert.equal(result.success, false);
    assert.deepEqual(issuesFromZod(result.error!).map((i) => i.path), ['mutations']);
  });

  it('refuses an empty push', () => {
    assert.equal(pushRequestSchema.safeParse(pushRequest(0)).success, false);
  });

  it('refuses a mutation for an unknown entity, a bad id, seq 0 or a malformed HLC, each at its path', () => {
    const request = pushRequest(1);
    request.mutations[0] = { ...request.mutations[0]!, entity: 'invoice', recordId: 'x', seq: 0, fieldRevs: { givenName: 'yesterday' } };
    const result = pushRequestSchema.safeParse(request);
    assert.equal(result.success, false);
    assert.deepEqual(issuesFromZod(result.error!).map((i) => i.path).sort(), [
      'mutations[0].entity',
      'mutations[0].fieldRevs.givenName',
      'mutations[0].recordId',
      'mutations[0].seq',
    ]);
  });

  it('refuses a madeAt that is not an ISO date-time', () => {
    const request = pushRequest(1);
    request.mutations[0] = { ...request.mutations[0]!, madeAt: 'yesterday' };
    assert.equal(pushRequestSchema.safeParse(request).success, false);
  });

  it('pull requests default the page size and refuse one over MAX_PULL_PAGE', () => {
    const base = { protocolVersion: SYNC_PROTOCOL_VERSION, schemaVersion: SYNC_SCHEMA_VERSION, cursor: 0 };
    assert.equal(pullRequestSchema.parse(base).limit, 500);
    assert.equal(pullRequestSchema.safeParse({ ...base, limit: MAX_PULL_PAGE + 1 }).success, false);
    assert.equal(pullRequestSchema.safeParse({ ...base, cursor: -1 }).success, false);
  });

  it('push responses carry applied, duplicate and rejected results', () => {
    const rev = clock.tick();
    const response = {
      serverClock: rev,
      results: [
        { mutationId: uuidv7(), seq: 1, status: 'applied', rev },
        { mutationId: uuidv7(), seq: 2, status: 'duplicate' },
        { mutationId: uuidv7(), seq: 3, status: 'rejected', code: 'VALIDATION', message: 'Birth date cannot be in the future', path: 'birthDate' },
      ],
    };
    assert.deepEqual(pushResponseSchema.parse(response), response);
    const unknownCode = { ...response, results: [{ ...response.results[2], code: 'NOPE' }] };
    assert.equal(pushResponseSchema.safeParse(unknownCode).success, false);
  });
});
