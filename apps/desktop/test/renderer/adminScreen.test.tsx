/**
 * The Administration screen's Users tab, rendered in happy-dom against the real host (its SQLCipher file) and a real
 * sync server: the renderer's calls go through an in-process tRPC link instead of IPC or HTTP.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { AdminScreen } from '../../src/renderer/admin/AdminScreen.tsx';
import { MainLayout } from '../../src/renderer/layout/MainLayout.tsx';
import { ADMIN, setUpClinicOnHost, startTestHost, type TestHost } from '../host/support/testHost.ts';
import { startTestServer, type TestServer } from '../host/support/testServer.ts';
import { registerDomBesideNode } from './support/domBesideNode.ts';
import { onHost } from './support/onHost.tsx';

registerDomBesideNode();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen, waitFor, within } = await import('@testing-library/react');

describe('Administration: users', () => {
  let server: TestServer;
  let workstation: TestHost;
  before(async () => {
    server = await startTestServer();
    workstation = await startTestHost(server.url);
    await setUpClinicOnHost(workstation.caller, server, ADMIN);
  });
  afterEach(cleanup);
  after(async () => {
    await workstation?.remove();
    await server?.remove();
  });

  function showAdminScreen() {
    render(onHost(workstation, <AdminScreen />));
  }

  it('offers Administration in the main navigation to administrators only', async () => {
    const mainNav = () => screen.getByRole('navigation', { name: 'Main' });
    const layout = (role: string) =>
      onHost(workstation, <MainLayout user={{ id: 'u1', name: 'Someone', role }} clinicName={ADMIN.clinicName} paused onSignedOut={() => {}} />);
    const { rerender } = render(layout('nurse'));
    assert.equal(within(mainNav()).queryByRole('button', { name: 'Administration' }), null);
    rerender(layout('admin'));
    fireEvent.click(within(mainNav()).getByRole('button', { name: 'Administration' }));
    await screen.findByRole('heading', { name: 'Administration' });
    assert.ok(await usersTable());
  });

  const usersTable = () => screen.findByRole('table', { name: 'Users of this clinic' });
  const rowOf = async (name: RegExp) => (await within(await usersTable()).findByText(name)).closest('tr')!;
  const cellTexts = (row: Element) => [...row.querySelectorAll('td')].map((cell) => cell.textContent);

  it('opens on the Users tab listing name, email, role, status and two-step sign-in', async () => {
    showAdminScreen();
    const tab = screen.getByRole('tab', { name: 'Users' });
    assert.equal(tab.getAttribute('aria-selected'), 'true');
    const row = await rowOf(/Ada Admin/);
    assert.deepEqual(cellTexts(row).slice(0, 5), [`${ADMIN.adminName} (you)`, ADMIN.email, 'Administrator', 'Active', 'On']);
    assert.equal(within(row).queryByRole('button', { name: /Disable/ }), null, 'no one disables their own account from here');
  });

  it('adds a user, showing the server’s refusal of a common password beside that field', async () => {
    showAdminScreen();
    await usersTable();
    fireEvent.click(screen.getByRole('button', { name: 'Add user' }));
    const dialog = await screen.findByRole('dialog', { name: 'Add user' });
    fireEvent.change(within(dialog).getByLabelText('Name'), { target: { value: 'Nia Nurse' } });
    fireEvent.change(within(dialog).getByLabelText('Email'), { target: { value: 'nia@riverbend.test' } });
    fireEvent.change(within(dialog).getByLabelText('Role'), { target: { value: 'nurse' } });
    const password = within(dialog).getByLabelText('Temporary password');
    fireEvent.change(password, { target: { value: 'Password1234' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));

    await waitFor(() => assert.equal(password.getAttribute('aria-invalid'), 'true'));
    const describedBy = password.getAttribute('aria-describedby')!.split(' ');
    assert.ok(describedBy.some((id) => /too common/i.test(document.getElementById(id)?.textContent ?? '')), 'the error sits beside the password field');

    fireEvent.change(password, { target: { value: 'lantern orchard sixty' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Add user' }));
    await screen.findByText('Nia Nurse was added as Nurse.');
    assert.deepEqual(cellTexts(await rowOf(/Nia Nurse/)).slice(0, 5), ['Nia Nurse', 'nia@riverbend.test', 'Nurse', 'Active', 'Off']);
  });

  it('changes a role and disables a user after confirming', async () => {
    showAdminScreen();
    await rowOf(/Nia Nurse/);
    fireEvent.click(screen.getByRole('button', { name: 'Change role of Nia Nurse' }));
    const roleDialog = await screen.findByRole('dialog', { name: 'Change the role of Nia Nurse' });
    fireEvent.change(within(roleDialog).getByLabelText('New role'), { target: { value: 'prescriber' } });
    fireEvent.click(within(roleDialog).getByRole('button', { name: 'Change role' }));
    await screen.findByText('Nia Nurse is now Prescriber.');

    fireEvent.click(screen.getByRole('button', { name: 'Disable Nia Nurse' }));
    const confirm = await screen.findByRole('dialog', { name: 'Disable Nia Nurse?' });
    assert.match(confirm.textContent ?? '', /signed out of every workstation/);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Disable' }));
    await screen.findByText('Nia Nurse is disabled and signed out everywhere.');
    await waitFor(async () => assert.deepEqual(cellTexts(await rowOf(/Nia Nurse/)).slice(2, 4), ['Prescriber', 'Disabled']));
    assert.ok(screen.getByRole('button', { name: 'Enable Nia Nurse' }));
  });
});
