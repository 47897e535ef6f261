import { useState } from 'react';
import { Button } from '@eonpro/ui';
import { useHostAction } from '../api/useHostAction.ts';

interface IdentifierFactProps {
  patientId: string;
  identifier: 'ssn' | 'driversLicense';
  label: string;
  /** As the host sends it: `•••-••-1234`. */
  masked: string;
}

/**
 * An SSN or licence number, masked until someone presses Show: only then is the full value asked for, and the
 * host records that view. Hide masks it again.
 */
export function IdentifierFact({ patientId, identifier, label, masked }: IdentifierFactProps) {
  const [shown, setShown] = useState<string | null>(null);
  const reveal = useHostAction((host) => host.patients.revealIdentifier.mutate({ patientId, identifier }));
  const show = async () => {
    const result = await reveal.run();
    if (result.ok) setShown(result.value.value);
  };
  return (
    <div>
      <dt>{label}</dt>
      <dd className="identifier-fact">
        <span className="identifier-fact__value">{shown ?? masked}</span>
        {shown === null ? (
          <Button variant="link" onClick={show} busy={reveal.busy} busyLabel="Showing…" aria-label={`Show the full ${label}`}>
            Show
          </Button>
        ) : (
          <Button variant="link" onClick={() => setShown(null)} aria-label={`Hide the ${label}`}>
            Hide
          </Button>
        )}
        {reveal.problem && (
          <span role="alert" className="identifier-fact__problem">
            {reveal.problem.message}
          </span>
        )}
      </dd>
    </div>
  );
}
