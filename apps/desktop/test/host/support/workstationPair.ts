import assert from 'node:assert/strict';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from './testHost.ts';
import { startTestServer, type TestServer } from './testServer.ts';

export interface WorkstationPair {
  server: TestServer;
  a: TestHost;
  b: TestHost;
  remove(): Promise<void>;
}

/** A real sync server and two fresh workstations: A sets up the clinic, B signs in as its admin. */
export async function startWorkstationPair(serverOptions: { persistent?: boolean } = {}): Promise<WorkstationPair> {
  const server = await startTestServer(serverOptions);
  const a = await startTestHost(server.url);
  const b = await startTestHost(server.url);
  assert.equal((await a.caller.session.status()).state, 'needs-setup');
  await setUpClinicOnHost(a.caller, server, ADMIN);
  await signInOnHost(b.caller, server, ADMIN);
  return {
    server,
    a,
    b,
    async remove() {
      await a.remove();
      await b.remove();
      await server.remove();
    },
  };
}
