import type { Issue } from '@eonpro/core';

/** What went wrong with a call to the host, ready to show: a code, a sentence, and the fields concerned. */
export interface HostProblem {
  code: string;
  message: string;
  issues: Issue[];
}

const UNREACHABLE: HostProblem = {
  code: 'UNREACHABLE',
  message: 'EONPro’s local service is not answering. What you typed is still here; try again in a moment.',
  issues: [],
};

/** Browser mode only: the page was opened without this launch's token (or the host restarted with a new one). */
const LAUNCH_LINK: HostProblem = {
  code: 'LAUNCH_LINK',
  message: 'This window was not opened with the current EONPro Clinic link. Open the link printed when EONPro Clinic started.',
  issues: [],
};

const INTERNAL: HostProblem = {
  code: 'INTERNAL',
  message: 'Something went wrong on this workstation. What you typed is still here; try again, and call support if it keeps happening.',
  issues: [],
};

function isIssue(value: unknown): value is Issue {
  return typeof value === 'object' && value !== null && typeof (value as Issue).path === 'string' && typeof (value as Issue).message === 'string';
}

/**
 * Reads a tRPC client error. The host puts AppError's code and issues in the error data
 * (`data.appCode`, `data.issues`); tRPC's own code (`data.code`) is the fallback.
 */
export function toHostProblem(error: unknown): HostProblem {
  if (typeof error !== 'object' || error === null) return INTERNAL;
  const data = (error as { data?: unknown }).data;
  if (typeof data !== 'object' || data === null) {
    const status = (error as { meta?: { response?: { status?: unknown } } }).meta?.response?.status;
    if (status === 401) return LAUNCH_LINK;
    return error instanceof Error && error.name === 'TRPCClientError' ? UNREACHABLE : INTERNAL;
  }
  const { appCode, code, issues } = data as { appCode?: unknown; code?: unknown; issues?: unknown };
  const problemCode = typeof appCode === 'string' ? appCode : typeof code === 'string' ? code : 'INTERNAL';
  if (problemCode === 'INTERNAL' || problemCode === 'INTERNAL_SERVER_ERROR') return INTERNAL;
  const message = error instanceof Error && error.message ? error.message : 'The request was refused.';
  return { code: problemCode, message, issues: Array.isArray(issues) ? issues.filter(isIssue) : [] };
}

/** The session ended under us (auto-lock, sign-out elsewhere): the app should ask who is here again. */
export function isSessionLost(problem: HostProblem): boolean {
  return (
    problem.code === 'UNAUTHORIZED' ||
    problem.code === 'ACCOUNT_DISABLED' ||
    problem.code === 'LOCKED' ||
    // The clinic revoked this workstation (it has erased its data) or has not approved it yet.
    problem.code === 'DEVICE_REVOKED' ||
    problem.code === 'DEVICE_PENDING'
  );
}

/**
 * The first message for each form field. Issue paths may carry the procedure's input wrapper
 * (`changes.birthDate`); pass those prefixes so the message lands on `birthDate`.
 */
export function fieldMessages(issues: readonly Issue[], prefixes: readonly string[] = []): Record<string, string> {
  const messages: Record<string, string> = {};
  for (const issue of issues) {
    const prefix = prefixes.find((p) => issue.path.startsWith(`${p}.`));
    const field = prefix ? issue.path.slice(prefix.length + 1) : issue.path;
    messages[field] ??= issue.message;
  }
  return messages;
}
