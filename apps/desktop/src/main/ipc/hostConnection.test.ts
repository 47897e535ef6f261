import { describe, it, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import { initTRPC, TRPCError } from '@trpc/server';
import { z } from 'zod';
import { serveTrpcOverPort, type CallFailure } from '../utility/trpcPortServer.ts';
import { HostConnection, HOST_STOPPED_MESSAGE } from './hostConnection.ts';
import type { MessagePortLike } from './messagePort.ts';

// A real tRPC router with a custom error formatter, like the host's, served over a real MessageChannel.
const t = initTRPC.context<{ userId: string | null }>().create({
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: { ...shape.data, issues: error.cause instanceof z.ZodError ? error.cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) : [] },
  }),
});
const router = t.router({
  session: t.router({ whoAmI: t.procedure.query(({ ctx }) => ({ userId: ctx.userId })) }),
  patients: t.router({
    register: t.procedure
      .input(z.object({ givenName: z.string().min(1), birthDate: z.iso.date() }))
      .mutation(({ input }) => ({ id: `id-for-${input.givenName.length}` })),
    slow: t.procedure.input(z.object({ waitFor: z.string() })).query(({ input }) => released.get(input.waitFor)!.promise),
    locked: t.procedure.query(() => {
      throw new TRPCError({ code: 'FORBIDDEN', message: 'This workstation is locked.' });
    }),
  }),
});
const released = new Map<string, Deferred>();

interface Deferred {
  promise: Promise<string>;
  resolve: (value: string) => void;
}
function deferred(): Deferred {
  let resolve!: (value: string) => void;
  const promise = new Promise<string>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

const openPorts: MessagePort[] = [];
function nodePort(port: MessagePort): MessagePortLike {
  openPorts.push(port);
  return { postMessage: (m) => port.postMessage(m), onMessage: (listener) => port.on('message', listener), close: () => port.close() };
}

function connect(): { connection: HostConnection; failures: CallFailure[] } {
  const { port1, port2 } = new MessageChannel();
  const failures: CallFailure[] = [];
  serveTrpcOverPort(nodePort(port2), { router, createContext: async () => ({ userId: 'user-1' }) }, (f) => failures.push(f));
  return { connection: new HostConnection(nodePort(port1)), failures };
}

afterEach(() => {
  for (const port of openPorts.splice(0)) port.close();
});

describe('HostConnection with serveTrpcOverPort', () => {
  it('answers a query with the procedure result, using the context the host creates', async () => {
    const { connection } = connect();
    const response = await connection.call({ type: 'query', path: 'session.whoAmI', input: undefined });
    assert.deepEqual(response, { result: { data: { userId: 'user-1' } } });
  });

  it('answers a mutation after parsing its input', async () => {
    const { connection } = connect();
    const response = await connection.call({ type: 'mutation', path: 'patients.register', input: { givenName: 'Ann', birthDate: '1980-02-03' } });
    assert.deepEqual(response, { result: { data: { id: 'id-for-3' } } });
  });

  it("returns invalid input as the router's own error shape, with every issue and its path", async () => {
    const { connection, failures } = connect();
    const response = await connection.call({ type: 'mutation', path: 'patients.register', input: { givenName: '', birthDate: 'soon' } });
    assert.ok('error' in response);
    assert.equal(response.error.code, -32600);
    const data = response.error.data as { code: string; httpStatus: number; path: string; issues: { path: string }[] };
    assert.equal(data.code, 'BAD_REQUEST');
    assert.equal(data.httpStatus, 400);
    assert.equal(data.path, 'patients.register');
    assert.deepEqual(data.issues.map((i) => i.path), ['givenName', 'birthDate']);
    assert.deepEqual(failures, [{ path: 'patients.register', code: 'BAD_REQUEST' }]);
  });

  it('returns a thrown TRPCError with its code and message', async () => {
    const { connection } = connect();
    const response = await connection.call({ type: 'query', path: 'patients.locked', input: undefined });
    assert.ok('error' in response);
    assert.equal(response.error.message, 'This workstation is locked.');
    assert.equal((response.error.data as { code: string }).code, 'FORBIDDEN');
  });

  it('answers NOT_FOUND for an unknown procedure or the wrong call type', async () => {
    const { connection } = connect();
    for (const request of [
      { type: 'query' as const, path: 'patients.delete', input: undefined },
      { type: 'query' as const, path: 'patients.register', input: { givenName: 'Ann', birthDate: '1980-02-03' } },
    ]) {
      const response = await connection.call(request);
      assert.ok('error' in response);
      assert.equal((response.error.data as { code: string }).code, 'NOT_FOUND');
    }
  });

  it('matches answers to calls when they finish out of order', async () => {
    const { connection } = connect();
    released.set('first', deferred());
    released.set('second', deferred());
    const first = connection.call({ type: 'query', path: 'patients.slow', input: { waitFor: 'first' } });
    const second = connection.call({ type: 'query', path: 'patients.slow', input: { waitFor: 'second' } });
    released.get('second')!.resolve('second answer');
    assert.deepEqual(await second, { result: { data: 'second answer' } });
    released.get('first')!.resolve('first answer');
    assert.deepEqual(await first, { result: { data: 'first answer' } });
  });

  it('answers waiting and later calls with an error once the host has stopped', async () => {
    const { connection } = connect();
    released.set('never', deferred());
    const waiting = connection.call({ type: 'query', path: 'patients.slow', input: { waitFor: 'never' } });
    connection.hostStopped();
    for (const response of [await waiting, await connection.call({ type: 'query', path: 'session.whoAmI', input: undefined })]) {
      assert.ok('error' in response);
      assert.equal(response.error.message, HOST_STOPPED_MESSAGE);
      assert.equal((response.error.data as { code: string }).code, 'INTERNAL_SERVER_ERROR');
    }
    released.get('never')!.resolve('too late');
  });
});
