import assert from 'node:assert/strict';
import type { MutationResult } from '@eonpro/core';
import { TRPCError, type TRPC_ERROR_CODE_KEY } from '@trpc/server';

/** The promise fails with this tRPC code; returns the error for further checks. */
export async function rejectsWithCode(promise: Promise<unknown>, code: TRPC_ERROR_CODE_KEY): Promise<TRPCError> {
  let caught: unknown;
  await assert.rejects(promise, (error: unknown) => {
    caught = error;
    return true;
  });
  assert.ok(caught instanceof TRPCError, `expected a TRPCError, got ${String(caught)}`);
  assert.equal(caught.code, code, `expected ${code}, got ${caught.code}: ${caught.message}`);
  return caught;
}

export function assertRejected(result: MutationResult | undefined, code: string, path?: string | null): Extract<MutationResult, { status: 'rejected' }> {
  assert.ok(result, 'no result');
  assert.equal(result.status, 'rejected', `expected a rejection, got ${JSON.stringify(result)}`);
  const rejection = result as Extract<MutationResult, { status: 'rejected' }>;
  assert.equal(rejection.code, code);
  if (path !== undefined) assert.equal(rejection.path, path);
  assert.ok(rejection.message.length > 0);
  return rejection;
}

export function assertApplied(result: MutationResult | undefined): string {
  assert.ok(result, 'no result');
  assert.equal(result.status, 'applied', `expected applied, got ${JSON.stringify(result)}`);
  return (result as Extract<MutationResult, { status: 'applied' }>).rev;
}
