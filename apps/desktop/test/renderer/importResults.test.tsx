/**
 * The import screen's per-file results table, rendered in happy-dom: a file's Result says what happened to it, as the
 * terminal importer does (a file whose patient was already here imported nothing).
 */
import assert from 'node:assert/strict';
import { afterEach, describe, it } from 'node:test';
import type { ImportSummary } from '@eonpro/core';
import { ImportResults } from '../../src/renderer/imports/ImportResults.tsx';
import { registerDomBesideNode } from './support/domBesideNode.ts';

registerDomBesideNode();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, render, screen, within } = await import('@testing-library/react');

function summary(fileName: string, patientsImported: number, patientsAlreadyPresent: number, ok = true): ImportSummary {
  return { fileName, ok, patientsImported, patientsAlreadyPresent, allergies: 0, conditions: 0, medications: 0, skipped: [], issues: [] };
}

function resultOf(fileName: string): string {
  const row = screen.getAllByRole('row').find((candidate) => within(candidate).queryByText(fileName) !== null);
  assert.ok(row, `a row for ${fileName}`);
  const cells = within(row).getAllByRole('cell');
  return cells[1]?.textContent ?? '';
}

describe('Import results by file', () => {
  afterEach(cleanup);

  it('says "Already present" for a file whose patient was already here, "Imported" for a new one, and both for a mix', () => {
    render(
      <ImportResults
        summaries={[summary('again.json', 0, 1), summary('new.json', 1, 0), summary('mixed.json', 2, 1), summary('broken.json', 0, 0, false)]}
        notAttempted={[]}
      />,
    );
    assert.equal(resultOf('again.json'), 'Already present');
    assert.equal(resultOf('new.json'), 'Imported');
    assert.equal(resultOf('mixed.json'), 'Imported 2, 1 already present');
    assert.equal(resultOf('broken.json'), 'Rejected — nothing imported');
  });
});
