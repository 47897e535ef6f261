import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { DataTable } from './DataTable.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, render, screen, within } = await import('@testing-library/react');

interface Summary {
  fileName: string;
  patients: number;
}
const columns = [
  { header: 'File', cell: (row: Summary) => row.fileName },
  { header: 'Patients', cell: (row: Summary) => row.patients, numeric: true },
];

describe('DataTable', () => {
  afterEach(cleanup);

  it('is a table named by its caption with column headers and one row per item', () => {
    render(
      <DataTable
        caption="Import results"
        columns={columns}
        rows={[
          { fileName: 'a.json', patients: 1 },
          { fileName: 'b.json', patients: 0 },
        ]}
        getRowKey={(r) => r.fileName}
      />,
    );
    const table = screen.getByRole('table', { name: 'Import results' });
    assert.deepEqual(
      within(table).getAllByRole('columnheader').map((h) => h.textContent),
      ['File', 'Patients'],
    );
    const rows = within(table).getAllByRole('row').slice(1);
    assert.deepEqual(
      rows.map((r) => within(r).getAllByRole('cell').map((c) => c.textContent)),
      [
        ['a.json', '1'],
        ['b.json', '0'],
      ],
    );
  });

  it('shows the empty message when there are no rows', () => {
    render(<DataTable caption="Import results" columns={columns} rows={[]} getRowKey={(r) => r.fileName} empty="Nothing imported yet" />);
    assert.equal(screen.getByRole('cell').textContent, 'Nothing imported yet');
  });
});
