import { Alert, IssueList } from '@eonpro/ui';
import type { HostProblem } from '../api/hostProblem.ts';
import { fieldMessages } from '../api/hostProblem.ts';

interface FormProblemProps {
  problem: HostProblem | null;
  /** Fields the form shows its own messages for; any other issue is listed here so none is hidden. */
  fields: readonly string[];
  prefixes?: readonly string[];
  title?: string;
}

/** The form-level summary of a refused save: the host's sentence, plus issues no field on screen owns. */
export function FormProblem({ problem, fields, prefixes = [], title = 'Not saved' }: FormProblemProps) {
  if (!problem) return null;
  const byField = fieldMessages(problem.issues, prefixes);
  const elsewhere = Object.entries(byField)
    .filter(([field]) => !fields.includes(field))
    .map(([path, message]) => ({ path, message }));
  return (
    <Alert tone="error" title={title}>
      <p>{problem.message}</p>
      {elsewhere.length > 0 && <IssueList label="Other problems" issues={elsewhere} />}
    </Alert>
  );
}
