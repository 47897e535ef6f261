/**
 * The lock screen, in happy-dom against the real host and a real sync server: it says why the session locked (the
 * person pressed Lock, or the idle time passed), and a wrong password is refused without mentioning an email.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import type { SessionStatus } from '../../src/host/hostRuntime.ts';
import { LockScreen } from '../../src/renderer/session/LockScreen.tsx';
import { ADMIN, setUpClinicOnHost, startTestHost, type TestHost } from '../host/support/testHost.ts';
import { startTestServer, type TestServer } from '../host/support/testServer.ts';
import { registerDomBesideNode } from './support/domBesideNode.ts';
import { onHost } from './support/onHost.tsx';

registerDomBesideNode();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen } = await import('@testing-library/react');

const MINUTE = 60_000;

describe('Lock screen', () => {
  let server: TestServer;
  let workstation: TestHost;
  let now = Date.now();
  before(async () => {
    server = await startTestServer();
    workstation = await startTestHost(server.url, { clock: () => now });
    await setUpClinicOnHost(workstation.caller, server, ADMIN);
  });
  afterEach(cleanup);
  after(async () => {
    await workstation?.remove();
    await server?.remove();
  });

  function showLockScreen(status: SessionStatus) {
    assert.equal(status.state, 'session-locked');
    assert.ok(status.user);
    render(
      onHost(
        workstation,
        <LockScreen user={status.user} clinicName={status.clinicName} idleLockMinutes={status.idleLockMinutes} lockReason={status.lockReason} onUnlocked={() => {}} />,
      ),
    );
  }

  it('locked with Lock: says who locked it, not that it was idle; a wrong password is "That password is not correct."', async () => {
    showLockScreen(await workstation.caller.session.lock());
    assert.ok(screen.getByText(/Ada Admin locked the session\./));
    assert.equal(screen.queryByText(/without activity/), null);
    fireEvent.change(screen.getByLabelText(/Password/), { target: { value: 'not the admin password' } });
    fireEvent.click(screen.getByRole('button', { name: 'Unlock' }));
    assert.ok(await screen.findByText(/That password is not correct\./));
    assert.equal(screen.queryByText(/email/i), null);
    assert.equal((await workstation.caller.session.unlock({ password: ADMIN.password })).state, 'signed-in');
  });

  it('locked by the idle time: says after how many minutes without activity', async () => {
    now += 10 * MINUTE;
    showLockScreen(await workstation.caller.session.status());
    assert.ok(screen.getByText(/The session locked after 10 minutes without activity\./));
    assert.equal(screen.queryByText(/locked the session/), null);
  });
});
