/**
 * The SSN and driver's licence on screen, rendered in happy-dom against the real host and a real sync server: masked
 * in the chart header until Show (an audited view), and typed on the patient form with errors beside the field.
 */
import assert from 'node:assert/strict';
import { after, afterEach, before, describe, it } from 'node:test';
import { ChartHeader } from '../../src/renderer/chart/ChartHeader.tsx';
import { RegisterPatientScreen } from '../../src/renderer/patients/RegisterPatientScreen.tsx';
import { hostAuditEntries } from '../host/audit/hostAudit.ts';
import { patientInput } from '../host/support/patients.ts';
import { ADMIN, setUpClinicOnHost, startTestHost, type TestHost } from '../host/support/testHost.ts';
import { startTestServer, type TestServer } from '../host/support/testServer.ts';
import { registerDomBesideNode } from './support/domBesideNode.ts';
import { onHost } from './support/onHost.tsx';

registerDomBesideNode();
const { cleanup, fireEvent, render, screen, waitFor } = await import('@testing-library/react');

describe('patient identifiers on screen', () => {
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

  it('the chart header shows the SSN masked, and in full only after Show, which is recorded as a view', async () => {
    const { id } = await workstation.caller.patients.register(patientInput({ ssn: '219-09-9999', driversLicense: 'D1234567X' }));
    const { patient } = await workstation.caller.chart.summary({ patientId: id });
    const noop = () => {};
    render(
      onHost(workstation, <ChartHeader patient={patient} onEdit={noop} onBack={noop} onPrint={noop} onExport={noop} printing={false} exporting={false} />),
    );
    assert.ok(screen.getByText('•••-••-9999'));
    assert.equal(screen.queryByText('219-09-9999'), null);
    const before = hostAuditEntries(workstation.host).length;

    fireEvent.click(screen.getByRole('button', { name: 'Show the full SSN' }));
    await screen.findByText('219-09-9999');
    const [view] = hostAuditEntries(workstation.host, before).map((entry) => entry.event);
    assert.deepEqual([view?.action, view?.patientId, view?.detail.revealed], ['view', id, 'ssn']);
    assert.ok(screen.getByText('•••••567X'), 'the licence stays masked');

    fireEvent.click(screen.getByRole('button', { name: 'Hide the SSN' }));
    assert.ok(screen.getByText('•••-••-9999'));
  });

  it('the registration form refuses an SSN the SSA never issues, beside the field, and saves a valid one', async () => {
    let registered: string | null = null;
    render(
      onHost(workstation, <RegisterPatientScreen fromSearch="" onRegistered={(id: string) => (registered = id)} onOpenExisting={() => {}} onCancel={() => {}} />),
    );
    const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
    type('Given name', 'Ivy');
    type('Family name', 'Identifier');
    type('Date of birth', '1970-03-04');
    fireEvent.change(screen.getByLabelText('Sex'), { target: { value: 'female' } });
    type('SSN', '666-12-3456');
    fireEvent.click(screen.getByRole('button', { name: 'Register patient' }));
    const ssnField = screen.getByLabelText('SSN');
    await waitFor(() => assert.equal(ssnField.getAttribute('aria-invalid'), 'true'));
    const describedBy = (ssnField.getAttribute('aria-describedby') ?? '').split(' ').map((id) => document.getElementById(id)?.textContent ?? '');
    assert.ok(describedBy.some((text) => text.startsWith('Not a valid SSN')), `beside the field: ${describedBy.join(' | ')}`);
    assert.equal(registered, null);

    type('SSN', '078-05-1120');
    type("Driver's licence", 'ab12');
    fireEvent.click(screen.getByRole('button', { name: 'Register patient' }));
    await waitFor(() => assert.ok(registered));
    assert.deepEqual(await workstation.caller.patients.revealIdentifier({ patientId: registered!, identifier: 'ssn' }), { value: '078-05-1120' });
  });
});
