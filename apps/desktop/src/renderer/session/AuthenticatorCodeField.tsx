import { TextField } from '@eonpro/ui';

interface AuthenticatorCodeFieldProps {
  value: string;
  onChange: (value: string) => void;
  error: string | undefined;
}

/** The 6-digit code from an authenticator app (7 characters allowed: some apps show it as "123 456"). */
export function AuthenticatorCodeField({ value, onChange, error }: AuthenticatorCodeFieldProps) {
  return (
    <TextField
      label="Code"
      required
      autoFocus
      inputMode="numeric"
      autoComplete="one-time-code"
      maxLength={7}
      value={value}
      onChange={onChange}
      error={error}
    />
  );
}
