import { useRef, useState } from 'react';
import { Button, Dialog } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';
import { UnsavedChangesProvider, useUnsavedChangesTracker } from '../app/unsavedChanges.tsx';
import { useFindPatientShortcut } from '../app/useFindPatientShortcut.ts';
import type { View } from '../app/view.ts';
import { AdminScreen } from '../admin/AdminScreen.tsx';
import { ChartScreen } from '../chart/ChartScreen.tsx';
import { ImportScreen } from '../imports/ImportScreen.tsx';
import { useImportRun } from '../imports/useImportRun.ts';
import { EditPatientScreen } from '../patients/EditPatientScreen.tsx';
import { PatientSearchScreen } from '../patients/PatientSearchScreen.tsx';
import { RegisterPatientScreen } from '../patients/RegisterPatientScreen.tsx';
import { RejectedChanges } from './RejectedChanges.tsx';
import { canAdminister, roleLabel } from './roles.ts';
import { SyncPanel } from './SyncPanel.tsx';
import { useSyncStatus } from './useSyncStatus.ts';

interface MainLayoutProps {
  user: { id: string; name: string; role: string };
  clinicName: string | null;
  /** True while the session is locked: no polling; the layout is inert behind the sign-in screen. */
  paused: boolean;
  /** Signed in against this workstation's verifier while the server could not be reached. */
  signedInOffline?: boolean;
  /** An offline session that cannot go online by itself (a second step is needed): sign out and in again to sync. */
  needsOnlineSignIn?: boolean;
  onSignedOut: () => void;
  /** The person locked the session on purpose (stepping away). */
  onLocked?: () => void;
}

type NavName = 'search' | 'register' | 'import' | 'admin';

export function MainLayout({ user, clinicName, paused, signedInOffline = false, needsOnlineSignIn = false, onSignedOut, onLocked }: MainLayoutProps) {
  const [view, setView] = useState<View>({ name: 'search' });
  const [pendingView, setPendingView] = useState<View | null>(null);
  const [searchText, setSearchText] = useState('');
  const [searchFocusRequest, setSearchFocusRequest] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const unsaved = useUnsavedChangesTracker();
  const sync = useSyncStatus(paused);
  const importRun = useImportRun();
  const signOut = useHostAction((host) => host.session.signOut.mutate());
  const lock = useHostAction((host) => host.session.lock.mutate());
  // Mirrors the host: only a clinic administrator may import.
  const canImport = user.role === 'admin';
  const canAdmin = canAdminister(user.role);

  const show = (next: View) => {
    setPendingView(null);
    setView(next);
    if (next.name === 'search') setSearchFocusRequest((n) => n + 1);
    mainRef.current?.scrollTo?.(0, 0);
  };
  /** Leaving a form with typed, unsaved input asks first. */
  const request = (next: View) => {
    if (unsaved.hasUnsaved()) setPendingView(next);
    else show(next);
  };
  const findPatient = () => request({ name: 'search' });
  useFindPatientShortcut(findPatient);

  const navigate = (name: NavName) => {
    if (name === 'search') findPatient();
    else if (name === 'register') request({ name: 'register', fromSearch: '' });
    else if (name === 'import') request({ name: 'import' });
    else request({ name: 'admin' });
  };

  return (
    <UnsavedChangesProvider value={unsaved.value}>
      <div className="app">
        <header className="app-header">
          <div className="app-header__brand">
            <span className="app-header__product">EONPro Clinic</span>
            {clinicName && <span className="app-header__clinic">{clinicName}</span>}
          </div>
          <nav className="app-nav" aria-label="Main">
            <NavButton current={view.name === 'search'} onClick={() => navigate('search')} shortcut="Ctrl+K">
              Find patient
            </NavButton>
            <NavButton current={view.name === 'register'} onClick={() => navigate('register')}>
              Register patient
            </NavButton>
            {canImport && (
              <NavButton current={view.name === 'import'} onClick={() => navigate('import')}>
                Import FHIR
              </NavButton>
            )}
            {canAdmin && (
              <NavButton current={view.name === 'admin'} onClick={() => navigate('admin')}>
                Administration
              </NavButton>
            )}
          </nav>
          <SyncPanel sync={sync} />
          <div className="app-header__user">
            <span className="app-header__who">
              <span className="app-header__user-name">{user.name}</span>
              <span className="app-header__user-role">{roleLabel(user.role)}</span>
              {signedInOffline && (
                <span className="app-header__offline" title="The sync server could not be reached at sign-in; changes wait on this workstation">
                  {needsOnlineSignIn ? 'Signed in offline — sign out and in again to sync' : 'Signed in offline'}
                </span>
              )}
            </span>
            <Button
              busy={lock.busy}
              busyLabel="Locking…"
              onClick={async () => {
                const result = await lock.run();
                if (result.ok) onLocked?.();
              }}
            >
              Lock
            </Button>
            <Button
              busy={signOut.busy}
              busyLabel="Signing out…"
              onClick={async () => {
                const result = await signOut.run();
                if (result.ok) onSignedOut();
              }}
            >
              Sign out
            </Button>
          </div>
        </header>
        <RejectedChanges sync={sync} onOpenChart={(patientId) => request({ name: 'chart', patientId })} />
        <main className="app-main" ref={mainRef}>
          {view.name === 'search' && (
            <PatientSearchScreen
              query={searchText}
              onQueryChange={setSearchText}
              focusRequest={searchFocusRequest}
              onOpen={(patientId) => show({ name: 'chart', patientId })}
              onRegister={() => show({ name: 'register', fromSearch: searchText })}
            />
          )}
          {view.name === 'register' && (
            <RegisterPatientScreen
              key={view.fromSearch}
              fromSearch={view.fromSearch}
              onRegistered={(patientId) => show({ name: 'chart', patientId })}
              onOpenExisting={(patientId) => request({ name: 'chart', patientId })}
              onCancel={findPatient}
            />
          )}
          {view.name === 'chart' && (
            <ChartScreen
              key={view.patientId}
              patientId={view.patientId}
              canRestrict={user.role === 'admin'}
              onEdit={() => request({ name: 'edit', patientId: view.patientId })} onBack={findPatient} />
          )}
          {view.name === 'edit' && (
            <EditPatientScreen
              key={view.patientId}
              patientId={view.patientId}
              onSaved={() => show({ name: 'chart', patientId: view.patientId })}
              onCancel={() => request({ name: 'chart', patientId: view.patientId })}
            />
          )}
          {view.name === 'import' && canImport && <ImportScreen run={importRun} onFindPatient={findPatient} />}
          {view.name === 'admin' && canAdmin && <AdminScreen />}
        </main>
        <Dialog
          open={pendingView !== null}
          title="Leave without saving?"
          onClose={() => setPendingView(null)}
          actions={
            <>
              <Button variant="primary" autoFocus onClick={() => setPendingView(null)}>
                Stay and keep editing
              </Button>
              <Button variant="danger" onClick={() => pendingView && show(pendingView)}>
                Leave and discard
              </Button>
            </>
          }
        >
          <p>What you typed in this form has not been saved. If you leave now it will be discarded.</p>
        </Dialog>
      </div>
    </UnsavedChangesProvider>
  );
}

function NavButton({ current, onClick, shortcut, children }: { current: boolean; onClick: () => void; shortcut?: string; children: string }) {
  return (
    <button
      type="button"
      className="app-nav__item"
      aria-current={current ? 'page' : undefined}
      aria-keyshortcuts={shortcut ? 'Control+K /' : undefined}
      onClick={onClick}
    >
      {children}
      {shortcut && (
        <kbd className="app-nav__kbd" aria-hidden="true">
          {shortcut}
        </kbd>
      )}
    </button>
  );
}
