import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { HostOutputs } from '../trpc.ts';
import { RejectedChanges } from './RejectedChanges.tsx';
import type { SyncStatusModel } from './useSyncStatus.ts';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen, within } = await import('@testing-library/react');

type SyncStatus = HostOutputs['sync']['status'];

const refusedAllergy: SyncStatus['rejected'][number] = {
  mutationId: '0190a1b2-0000-7000-8000-00000000000a',
  seq: 7,
  entity: 'allergy',
  recordId: '0190a1b2-0000-7000-8000-00000000000b',
  patientId: null,
  op: 'create',
  madeAt: '2025-03-10T14:00:00.000Z',
  code: 'NOT_FOUND',
  message: 'The patient this entry is for was not found.',
  path: 'fields.patientId',
};

function model(rejected: SyncStatus['rejected'], dismissed: string[]): SyncStatusModel {
  return {
    status: { state: 'idle', pending: 0, lastSuccessAt: null, lastError: null, rejected, pull: null } as SyncStatus,
    problem: null,
    syncNow: { busy: false, problem: null, run: async () => {} },
    dismiss: { busy: false, problem: null, run: async (mutationId: string) => void dismissed.push(mutationId) },
  };
}

describe('RejectedChanges', () => {
  afterEach(cleanup);

  it('shows nothing while the server has refused nothing', () => {
    render(<RejectedChanges sync={model([], [])} onOpenChart={() => {}} />);
    assert.equal(screen.queryByRole('region', { name: 'Changes the server refused' }), null);
  });

  it('lists each refused change with the server’s code, message and field', () => {
    render(<RejectedChanges sync={model([refusedAllergy], [])} onOpenChart={() => {}} />);
    const panel = screen.getByRole('region', { name: 'Changes the server refused' });
    const item = within(panel).getByRole('listitem');
    assert.match(item.textContent ?? '', /Allergy \(new entry/);
    assert.match(item.textContent ?? '', /NOT_FOUND The patient this entry is for was not found\. — field fields\.patientId/);
    assert.match(within(panel).getByRole('alert').textContent ?? '', /1 change was refused by the server/);
  });

  it('dismisses a change by its mutation id', () => {
    const dismissed: string[] = [];
    render(<RejectedChanges sync={model([refusedAllergy], dismissed)} onOpenChart={() => {}} />);
    fireEvent.click(screen.getByRole('button', { name: 'Dismiss refused Allergy change' }));
    assert.deepEqual(dismissed, [refusedAllergy.mutationId]);
  });

  it('offers the chart only when the change names its patient', () => {
    const opened: string[] = [];
    const patientId = '0190a1b2-0000-7000-8000-00000000000c';
    render(<RejectedChanges sync={model([refusedAllergy, { ...refusedAllergy, mutationId: 'm2', patientId }], [])} onOpenChart={(id) => opened.push(id)} />);
    const buttons = screen.getAllByRole('button', { name: /Open the chart/ });
    assert.equal(buttons.length, 1);
    fireEvent.click(buttons[0]!);
    assert.deepEqual(opened, [patientId]);
  });
});
