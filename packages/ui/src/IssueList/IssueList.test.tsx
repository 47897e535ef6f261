import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { IssueList } from './IssueList.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, render, screen, within } = await import('@testing-library/react');

describe('IssueList', () => {
  afterEach(cleanup);

  it('lists every issue with its path and message under the given label', () => {
    render(
      <IssueList
        label="Problems in bundle.json"
        issues={[
          { path: 'entry[3].resource.birthDate', message: 'Must be a real calendar date' },
          { path: 'entry[7].resource.code', message: 'Required' },
        ]}
      />,
    );
    const list = screen.getByRole('list', { name: 'Problems in bundle.json' });
    const items = within(list).getAllByRole('listitem');
    assert.equal(items.length, 2);
    assert.match(items[0]!.textContent ?? '', /entry\[3\]\.resource\.birthDate.*Must be a real calendar date/);
    assert.match(items[1]!.textContent ?? '', /entry\[7\]\.resource\.code.*Required/);
  });

  it('shows a message without a path on its own', () => {
    render(<IssueList label="Problems" issues={[{ path: '', message: 'Not a FHIR bundle' }]} />);
    const item = screen.getByRole('listitem');
    assert.equal(item.querySelector('code'), null);
    assert.equal(item.textContent, 'Not a FHIR bundle');
  });
});
