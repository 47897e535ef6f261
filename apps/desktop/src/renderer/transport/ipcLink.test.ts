import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createTRPCClient, TRPCClientError } from '@trpc/client';
import { initTRPC } from '@trpc/server';
import { z } from 'zod';
import type { EonproBridge, IpcTrpcRequest, IpcTrpcResponse } from '../../preload/bridge.ts';
import { ipcLink } from './ipcLink.ts';

// A router only for its type: the link is typed by the router the client talks to.
const t = initTRPC.create();
const _routerForTypes = t.router({
  patients: t.router({
    search: t.procedure.input(z.object({ query: z.string() })).query(() => ({ kind: 'name', results: [] as string[] })),
    register: t.procedure.input(z.object({ givenName: z.string() })).mutation(() => ({ id: 'p1', mrn: 'M1' })),
  }),
});
type TestRouter = typeof _routerForTypes;

/** A stand-in for the preload bridge: records each request and answers with the given envelope. */
function fakeBridge(answer: (request: IpcTrpcRequest) => Promise<IpcTrpcResponse>) {
  const requests: IpcTrpcRequest[] = [];
  const bridge: EonproBridge = {
    trpc: (request) => {
      requests.push(request);
      return answer(request);
    },
  };
  return { bridge, requests };
}

describe('ipcLink', () => {
  it('sends a query with its path and input and resolves with the result data', async () => {
    const { bridge, requests } = fakeBridge(async () => ({ result: { data: { kind: 'name', results: ['a'] } } }));
    const client = createTRPCClient<TestRouter>({ links: [ipcLink({ bridge })] });

    const data = await client.patients.search.query({ query: 'ann' });

    assert.deepEqual(data, { kind: 'name', results: ['a'] });
    assert.deepEqual(requests, [{ type: 'query', path: 'patients.search', input: { query: 'ann' } }]);
  });

  it('sends a mutation as type mutation', async () => {
    const { bridge, requests } = fakeBridge(async () => ({ result: { data: { id: 'p1', mrn: 'M1' } } }));
    const client = createTRPCClient<TestRouter>({ links: [ipcLink({ bridge })] });

    const data = await client.patients.register.mutate({ givenName: 'Ann' });

    assert.deepEqual(data, { id: 'p1', mrn: 'M1' });
    assert.deepEqual(requests, [{ type: 'mutation', path: 'patients.register', input: { givenName: 'Ann' } }]);
  });

  it('turns an error envelope into a TRPCClientError with the error shape and data intact', async () => {
    const shape = {
      code: -32600 as const,
      message: 'Patient details are not valid: birthDate: Invalid date',
      data: {
        code: 'BAD_REQUEST',
        httpStatus: 400,
        path: 'patients.register',
        appCode: 'VALIDATION',
        issues: [{ path: 'birthDate', message: 'Invalid date' }],
      },
    };
    const { bridge } = fakeBridge(async () => ({ error: shape }));
    const client = createTRPCClient<TestRouter>({ links: [ipcLink({ bridge })] });

    const error = await client.patients.register.mutate({ givenName: 'Ann' }).then(
      () => assert.fail('the call should fail'),
      (cause: unknown) => cause,
    );

    assert.ok(error instanceof TRPCClientError);
    assert.equal(error.message, shape.message);
    assert.deepEqual(error.shape, shape);
    assert.deepEqual(error.data, shape.data);
  });

  it('turns a failed bridge call into a TRPCClientError that keeps the cause', async () => {
    const failure = new Error('IPC channel closed');
    const { bridge } = fakeBridge(async () => {
      throw failure;
    });
    const client = createTRPCClient<TestRouter>({ links: [ipcLink({ bridge })] });

    const error = await client.patients.search.query({ query: 'ann' }).then(
      () => assert.fail('the call should fail'),
      (cause: unknown) => cause,
    );

    assert.ok(error instanceof TRPCClientError);
    assert.equal(error.message, 'IPC channel closed');
    assert.equal(error.cause, failure);
  });

  it('refuses subscriptions without calling the bridge', async () => {
    const { bridge, requests } = fakeBridge(async () => ({ result: { data: null } }));
    const operationLink = ipcLink<TestRouter>({ bridge })({});
    const op = { id: 1, type: 'subscription' as const, path: 'sync.events', input: undefined, context: {}, signal: null };

    const error = await new Promise((resolve) => {
      operationLink({ op, next: () => assert.fail('ipcLink is a terminating link') }).subscribe({ error: resolve });
    });

    assert.ok(error instanceof TRPCClientError);
    assert.match(error.message, /Subscriptions are not available/);
    assert.equal(requests.length, 0);
  });

  it('refuses to start without a bridge', () => {
    assert.throws(() => ipcLink(), /window\.eonpro\) is missing/);
  });
});
