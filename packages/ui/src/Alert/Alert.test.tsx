import { GlobalRegistrator } from '@happy-dom/global-registrator';
import { afterEach, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Alert } from './Alert.tsx';

GlobalRegistrator.register();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, render, screen } = await import('@testing-library/react');

describe('Alert', () => {
  afterEach(cleanup);

  it('announces an error as an alert with its title and message', () => {
    render(
      <Alert tone="error" title="Could not save">
        The server did not answer.
      </Alert>,
    );
    const alert = screen.getByRole('alert');
    assert.match(alert.textContent ?? '', /Could not save/);
    assert.match(alert.textContent ?? '', /The server did not answer\./);
  });

  it('announces a warning as an alert too', () => {
    render(<Alert tone="warning" title="Possible duplicate" />);
    assert.ok(screen.getByRole('alert'));
  });

  it('announces success politely, as a status', () => {
    render(<Alert tone="success" title="Saved" />);
    assert.equal(screen.queryByRole('alert'), null);
    assert.match(screen.getByRole('status').textContent ?? '', /Saved/);
  });

  it('renders its actions', () => {
    render(<Alert tone="info" title="Changes waiting" actions={<button type="button">Dismiss</button>} />);
    assert.ok(screen.getByRole('button', { name: 'Dismiss' }));
  });
});
