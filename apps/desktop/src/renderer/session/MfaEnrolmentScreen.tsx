import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Alert, Button, TextField } from '@eonpro/ui';
import { fieldMessages } from '../api/hostProblem.ts';
import { useHostAction } from '../api/useHostAction.ts';
import { FormProblem } from '../forms/FormProblem.tsx';
import { groupedSecret, qrCodeImage } from './qrCodeImage.ts';
import { RecoveryCodes } from './RecoveryCodes.tsx';
import { SessionCard } from './SessionCard.tsx';

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
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const begin = useHostAction(async (host) => {
    const started = await host.session.beginMfaEnrolment.mutate();
    return { secret: started.secret, qrCode: await qrCodeImage(started.otpauthUri) };
  });
  const confirm = useHostAction((host, typed: string) => host.session.confirmMfaEnrolment.mutate({ code: typed }));
  const cancel = useHostAction((host) => host.session.signOut.mutate());
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

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await confirm.run(code);
    setCode('');
    if (result.ok) setRecoveryCodes(result.value.recoveryCodes);
  };

  const back = async () => {
    await cancel.run();
    onCancel();
  };

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
          <TextField
            label="Code"
            required
            autoFocus
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={7}
            value={code}
            onChange={setCode}
            error={errors.code}
          />
          <FormProblem problem={confirm.problem} fields={['code']} title="Not set up yet" />
          <Button type="submit" variant="primary" busy={confirm.busy} busyLabel="Checking…">
            Turn on two-step sign-in
          </Button>
          <Button onClick={back} busy={cancel.busy}>
            Back
          </Button>
        </form>
      )}
    </SessionCard>
  );
}
