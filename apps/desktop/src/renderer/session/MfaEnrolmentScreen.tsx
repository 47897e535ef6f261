import { useEffect, useRef, useState } from 'react';
import { Alert, Button } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { useSecretSubmit } from '../forms/useSecretSubmit.ts';
import { AuthenticatorCodeField } from './AuthenticatorCodeField.tsx';
import { groupedSecret, qrCodeImage } from './qrCodeImage.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { SessionCard } from './SessionCard.tsx';
import { useBackToSignIn } from './useBackToSignIn.ts';

interface Enrolment {
  secret: string;
  qrCode: string;
}

/**
 * Your role signs in with two steps: set up an authenticator app (scan the QR code, or type the secret), confirm
 * with its first code, then keep the recovery codes. The session is open once the codes are acknowledged.
 */
export function MfaEnrolmentScreen({ onDone, onCancel }: { onDone: () => void; onCancel: () => void }) {
  const [enrolment, setEnrolment] = useState<Enrolment | null>(null);
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const begin = useHostAction(async (host) => {
    const started = await host.session.beginMfaEnrolment.mutate();
    return { secret: started.secret, qrCode: await qrCodeImage(started.otpauthUri) };
  });
  const confirm = useHostAction((host, typed: string) => host.session.confirmMfaEnrolment.mutate({ code: typed }));
  const { secret: code, setSecret: setCode, submit } = useSecretSubmit(confirm.run, (value) => setRecoveryCodes(value.recoveryCodes));
  const { back, busy: leaving } = useBackToSignIn(onCancel);
  const errors = fieldMessages(confirm.problem?.issues ?? []);
  const { run: startEnrolment } = begin;

  // Once per visit to this screen (even where effects run twice): a second start would replace the secret shown.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    void startEnrolment().then((result) => {
      if (result.ok) setEnrolment(result.value);
    });
  }, [startEnrolment]);

  if (recoveryCodes) return <RecoveryCodes codes={recoveryCodes} onContinue={onDone} />;

  return (
    <SessionCard
      title="Set up two-step sign-in"
      intro={<p>Your role signs in with a password and a code from an authenticator app on your phone. Set one up now.</p>}
    >
      {begin.problem && (
        <Alert tone="error" title="Two-step sign-in cannot be set up" actions={<Button onClick={back}>Back to sign-in</Button>}>
          <p>{begin.problem.message}</p>
        </Alert>
      )}
      {!enrolment && !begin.problem && <p role="status">Preparing your authenticator set-up…</p>}
      {enrolment && (
        <form onSubmit={submit} noValidate>
          <ol className="mfa-steps">
            <li>
              <p>Scan this QR code with your authenticator app:</p>
              <img className="mfa-qr" src={enrolment.qrCode} alt="QR code to add EONPro Clinic to an authenticator app" width={200} height={200} />
            </li>
            <li>
              <p>
                Or type this key into the app: <code className="mfa-secret" aria-label="Setup key">{groupedSecret(enrolment.secret)}</code>
              </p>
            </li>
            <li>
              <p>Enter the 6-digit code the app now shows.</p>
            </li>
          </ol>
          <AuthenticatorCodeField value={code} onChange={setCode} error={errors.code} />
          <FormProblem problem={confirm.problem} fields={['code']} title="Not set up yet" />
          <Button type="submit" variant="primary" busy={confirm.busy} busyLabel="Checking…">
            Turn on two-step sign-in
          </Button>
          <Button onClick={back} busy={leaving}>
            Back
          </Button>
        </form>
      )}
    </SessionCard>
  );
}
