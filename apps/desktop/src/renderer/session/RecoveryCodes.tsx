import { useState } from 'react';
import { Button } from '@eonpro/ui';
import { SessionCard } from './SessionCard.tsx';

/** The recovery codes, shown this once: each signs in once if the phone is lost. Continuing needs a check that they are kept. */
export function RecoveryCodes({ codes, onContinue }: { codes: readonly string[]; onContinue: () => void }) {
  const [saved, setSaved] = useState(false);
  return (
    <SessionCard
      title="Save your recovery codes"
      intro={
        <p>
          If you lose the phone with your authenticator app, each of these codes signs you in once. Write them down or print
          them and keep them somewhere safe. They are shown only now.
        </p>
      }
    >
      <ol className="recovery-codes" aria-label="Recovery codes">
        {codes.map((code) => (
          <li key={code}>
            <code>{code}</code>
          </li>
        ))}
      </ol>
      <label className="recovery-codes__saved">
        <input type="checkbox" autoFocus checked={saved} onChange={(event) => setSaved(event.target.checked)} /> I have saved these codes
      </label>
      <Button variant="primary" disabled={!saved} onClick={onContinue}>
        Continue
      </Button>
    </SessionCard>
  );
}
