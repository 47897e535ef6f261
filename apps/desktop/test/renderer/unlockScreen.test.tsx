/**
 * The first passphrase of a workstation without a keychain, in happy-dom against the real host (passphrase key
 * provider, real SQLCipher file): it is asked twice, two different ones change nothing, and the same one twice
 * encrypts and opens the workstation.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { prepareDataFolder } from '../../src/host/dataFolder.ts';
import { PassphraseKeyProvider } from '../../src/host/keys/passphraseKeyProvider.ts';
import { startHost, type Host } from '../../src/host/startHost.ts';
import { UnlockScreen } from '../../src/renderer/session/UnlockScreen.tsx';
import { makeTempDir } from '../host/support/tempDir.ts';
import { unreachableServerUrl } from '../host/support/unreachableServer.ts';
import { registerDomBesideNode } from './support/domBesideNode.ts';
import { onHost } from './support/onHost.tsx';

registerDomBesideNode();
// Loaded after the DOM exists: the library binds `screen` to document.body when it loads.
const { cleanup, fireEvent, render, screen, waitFor } = await import('@testing-library/react');

const PASSPHRASE = 'amber lantern orchard 42';

describe('Choosing the workstation passphrase', () => {
  const temp = makeTempDir();
  const folder = prepareDataFolder(temp.dir);
  let host: Host;
  before(async () => {
    host = await startHost({ dataDir: temp.dir, serverUrl: await unreachableServerUrl(), keyProvider: new PassphraseKeyProvider(folder.wrappedKeyPath) });
  });
  after(async () => {
    cleanup();
    await host?.close();
    temp.remove();
  });

  it('asks twice, refuses two different passphrases without writing anything, then encrypts with the one typed twice', async () => {
    const caller = host.router.createCaller(host.createContext());
    const status = await caller.session.status();
    assert.equal(status.needsNewPassphrase, true);
    let opened = 0;
    render(onHost({ host }, <UnlockScreen isNew={status.needsNewPassphrase} onUnlocked={() => opened++} />));
    assert.ok(screen.getByRole('heading', { name: 'Choose a workstation passphrase' }));

    fireEvent.change(screen.getByLabelText(/^Workstation passphrase/), { target: { value: PASSPHRASE } });
    fireEvent.change(screen.getByLabelText(/^Repeat the passphrase/), { target: { value: `${PASSPHRASE}x` } });
    fireEvent.click(screen.getByRole('button', { name: 'Encrypt and open' }));
    assert.ok(await screen.findByText(/The two passphrases differ/));
    assert.equal(opened, 0);
    assert.equal(existsSync(folder.wrappedKeyPath), false, 'no key was wrapped with a mistyped passphrase');
    assert.equal((await caller.session.status()).needsNewPassphrase, true);

    fireEvent.change(screen.getByLabelText(/^Workstation passphrase/), { target: { value: PASSPHRASE } });
    fireEvent.change(screen.getByLabelText(/^Repeat the passphrase/), { target: { value: PASSPHRASE } });
    fireEvent.click(screen.getByRole('button', { name: 'Encrypt and open' }));
    await waitFor(() => assert.equal(opened, 1));
    assert.equal(existsSync(folder.wrappedKeyPath), true);
    assert.equal((await caller.session.status()).needsNewPassphrase, false);
  });
});
