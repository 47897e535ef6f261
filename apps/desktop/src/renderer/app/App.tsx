import { useCallback, useEffect, useState } from 'react';
import { Alert, Button } from '@eonpro/ui';
import { HostProvider } from '../api/HostContext.tsx';
import { useActivityReport } from './useActivityReport.ts';
import { useHostQuery } from '../api/useHostQuery.ts';
import { MainLayout } from '../layout/MainLayout.tsx';
import { LockScreen } from '../session/LockScreen.tsx';
import { MfaEnrolmentScreen } from '../session/MfaEnrolmentScreen.tsx';
import { SetupScreen } from '../session/SetupScreen.tsx';
import { SignInScreen } from '../session/SignInScreen.tsx';
import { TwoStepScreen } from '../session/TwoStepScreen.tsx';
import { UnlockScreen } from '../session/UnlockScreen.tsx';
import type { HostClient, HostOutputs } from '../trpc.ts';
import { WorkstationPendingScreen } from '../workstation/WorkstationPendingScreen.tsx';
import { WorkstationRevokedScreen } from '../workstation/WorkstationRevokedScreen.tsx';

type SignedInUser = NonNullable<HostOutputs['session']['status']['user']>;

export function App({ host }: { host: HostClient }) {
  const [sessionChecks, setSessionChecks] = useState(0);
  const onSessionLost = useCallback(() => setSessionChecks((n) => n + 1), []);
  return (
    <HostProvider host={host} onSessionLost={onSessionLost}>
      <SessionGate sessionChecks={sessionChecks} />
    </HostProvider>
  );
}

const OFFLINE_STATUS_POLL_MS = 10_000;

/**
 * The session state machine: workstation-locked → (needs-setup) → signed-out → signed-in. When a session
 * ends under open work (auto-lock), that work stays mounted, inert and covered by an opaque sign-in screen,
 * so nothing typed is lost. Signing out on purpose, or another person signing in, starts fresh (new key).
 */
function SessionGate({ sessionChecks }: { sessionChecks: number }) {
  const status = useHostQuery('session', (host) => host.session.status.query());
  const { reload } = status;
  const session = status.data;
  const signedInUser = session?.state === 'signed-in' ? session.user : null;
  const [workUser, setWorkUser] = useState<SignedInUser | null>(null);
  useActivityReport(signedInUser !== null);

  useEffect(() => {
    if (sessionChecks > 0) reload();
  }, [sessionChecks, reload]);

  // An offline session goes online by itself once the server answers: show it when it does.
  const signedInOffline = session?.signedInOffline ?? false;
  useEffect(() => {
    if (!signedInOffline) return;
    const timer = setInterval(reload, OFFLINE_STATUS_POLL_MS);
    return () => clearInterval(timer);
  }, [signedInOffline, reload]);

  useEffect(() => {
    if (signedInUser) setWorkUser(signedInUser);
  }, [signedInUser]);

  if (!session || status.problem?.code === 'LAUNCH_LINK') {
    if (!status.problem) return <p className="app-loading" role="status">Starting EONPro Clinic…</p>;
    return (
      <main className="session">
        <div className="session__card">
          <Alert tone="error" title="EONPro Clinic cannot start" actions={<Button onClick={reload}>Try again</Button>}>
            <p>{status.problem.message}</p>
          </Alert>
        </div>
      </main>
    );
  }

  // A revoked workstation has erased its data: nothing of the work that was open stays, not even covered.
  const shownUser = session.state === 'workstation-revoked' ? null : (signedInUser ?? workUser);
  const suspended = signedInUser === null;
  const signOut = () => {
    setWorkUser(null);
    reload();
  };

  return (
    <>
      {shownUser && (
        <div className={suspended ? 'app-suspended' : 'app-active'} inert={suspended}>
          <MainLayout
            key={shownUser.id}
            user={shownUser}
            clinicName={session.clinicName}
            paused={suspended}
            signedInOffline={session.signedInOffline}
            needsOnlineSignIn={session.needsOnlineSignIn}
            onSignedOut={signOut}
            onLocked={reload}
          />
        </div>
      )}
      {suspended && (
        <div className={shownUser ? 'session-overlay' : undefined}>
          {session.state === 'workstation-revoked' && session.revocation ? (
            <WorkstationRevokedScreen
              revocation={session.revocation}
              onSetUpAgain={() => {
                setWorkUser(null);
                reload();
              }}
            />
          ) : session.state === 'workstation-pending' && session.pendingApproval ? (
            <WorkstationPendingScreen name={session.pendingApproval.name} code={session.pendingApproval.code} onApproved={reload} />
          ) : session.state === 'workstation-locked' ? (
            <UnlockScreen isNew={session.needsNewPassphrase} onUnlocked={reload} />
          ) : session.state === 'needs-setup' ? (
            <SetupScreen onDone={reload} />
          ) : session.state === 'mfa-required' ? (
            <TwoStepScreen onSignedIn={reload} onCancel={reload} />
          ) : session.state === 'mfa-enrolment-required' ? (
            <MfaEnrolmentScreen onDone={reload} onCancel={reload} />
          ) : session.state === 'session-locked' && session.user ? (
            <LockScreen
              user={session.user}
              clinicName={session.clinicName}
              idleLockMinutes={session.idleLockMinutes}
              lockReason={session.lockReason}
              onUnlocked={reload}
            />
          ) : (
            <SignInScreen clinicName={session.clinicName} resuming={shownUser !== null} onSignedIn={reload} />
          )}
        </div>
      )}
    </>
  );
}
