import type { Issue } from '@eonpro/core';
import type { HostProblem } from '../api/hostProblem.ts';

/** Problems found before sending, shown the same way as the host's. */
export function localProblem(issues: Issue[]): HostProblem | null {
  if (issues.length === 0) return null;
  return {
    code: 'VALIDATION',
    message: issues.length === 1 ? 'Check the highlighted field.' : `Check the ${issues.length} highlighted fields.`,
    issues,
  };
}

/** After a refused submit, put the cursor in the first field that needs attention. */
export function focusFirstInvalid(form: HTMLFormElement | null): void {
  requestAnimationFrame(() => form?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus());
}
