import { useState, type FormEvent } from 'react';
import type { ActionResult } from '../api/useHostAction.ts';

/**
 * A form around one secret (a password, a passphrase, a code): submitting sends it and empties the field whatever
 * the outcome, so a typed secret never stays on screen; `onAccepted` runs only when the host took it.
 */
export function useSecretSubmit<T>(send: (secret: string) => Promise<ActionResult<T>>, onAccepted: (value: T) => void) {
  const [secret, setSecret] = useState('');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await send(secret);
    setSecret('');
    if (result.ok) onAccepted(result.value);
  };
  return { secret, setSecret, submit };
}
