/**
 * The Users tab's "Reset two-step sign-in", in happy-dom against the real host and a real sync server.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { AdminScreen } from '../../src/renderer/admin/AdminScreen.tsx';
import { ADMIN, setUpClinicOnHost, signInOnHost, startTestHost, type TestHost } from '../host/support/testHost.ts';
import { startTestServer, type TestServer } from '../host/support/testServer.ts';
import { registerDomBesideNode } from './support/domBesideNode.ts';
import { onHost } from './support/onHost.tsx';

registerDomBesideNode();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen, waitFor, within } = await import('@testing-library/react');

const PRESCRIBER = { name: 'Pia Prescriber', email: 'pia@riverbend.test', role: 'prescriber' as const, password: 'lantern orchard sixty' };

describe('Administration: resetting two-step sign-in', () => {
  let server: TestServer;
  let workstation: TestHost;
  let prescriberDesk: TestHost;
  before(async () => {
    server = await startTestServer();
    workstation = await startTestHost(server.url);
    await setUpClinicOnHost(workstation.caller, server, ADMIN);
    await workstation.caller.adminUsers.create(PRESCRIBER);
    prescriberDesk = await startTestHost(server.url);
    await signInOnHost(prescriberDesk.caller, server, PRESCRIBER);
  });
  afterEach(cleanup);
  after(async () => {
    await prescriberDesk?.remove();
    await workstation?.remove();
    await server?.remove();
  });

  function showAdminScreen() {
    render(onHost(workstation, <AdminScreen />));
  }

  const rowOf = async (name: RegExp) => (await within(await screen.findByRole('table', { name: 'Users of this clinic' })).findByText(name)).closest('tr')!;
  const cellTexts = (row: Element) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);

  it('resets a prescriber’s two-step sign-in after confirming, and offers it only where it is on', async () => {
    showAdminScreen();
    const row = await rowOf(/Pia Prescriber/);
    assert.equal(cellTexts(row)[4], 'On');
    assert.equal(within(await rowOf(/Ada Admin/)).queryByRole('button', { name: /Reset two-step/ }), null, 'never one’s own');

    fireEvent.click(within(row).getByRole('button', { name: 'Reset two-step sign-in of Pia Prescriber' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reset two-step sign-in for Pia Prescriber?' });
    assert.match(dialog.textContent ?? '', /signed out of every workstation/);
    fireEvent.click(within(dialog).getByRole('button', { name: 'Reset two-step sign-in' }));

    await screen.findByText("Pia Prescriber's two-step sign-in was reset; they set it up again at their next sign-in.");
    await waitFor(async () => assert.equal(cellTexts(await rowOf(/Pia Prescriber/))[4], 'Off'));
    assert.equal(within(await rowOf(/Pia Prescriber/)).queryByRole('button', { name: /Reset two-step/ }), null);
  });
});
