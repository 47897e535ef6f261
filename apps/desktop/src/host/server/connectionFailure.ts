import { TRPCClientError } from '@trpc/client';
import { certificateProblemOf } from './certificateProblem.ts';

const NETWORK_ERROR_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ECONNABORTED',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENETDOWN',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'UND_ERR_SOCKET',
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'UND_ERR_CLOSED',
]);
const GATEWAY_STATUSES = new Set([502, 503, 504]);

/**
 * True when the server could not be reached or the connection broke (refused, reset, timed out, a proxy with no
 * server behind it, a certificate this workstation does not trust) — as opposed to the server answering with an
 * error. Such calls are retried later; certificateProblemOf says when it was the certificate.
 */
export function isConnectionFailure(error: unknown): boolean {
  if (error instanceof TRPCClientError) {
    const status = (error.meta as { response?: { status?: number } } | undefined)?.response?.status;
    if (status !== undefined && GATEWAY_STATUSES.has(status) && !error.data) return true;
    if (error.data) return false;
  }
  if (certificateProblemOf(error)) return true;
  for (let cause: unknown = error, depth = 0; cause && depth < 8; depth++) {
    const { name, code, message } = cause as { name?: string; code?: string; message?: string };
    if (name === 'TimeoutError' || name === 'AbortError') return true;
    if (code && NETWORK_ERROR_CODES.has(code)) return true;
    if (name === 'TypeError' && message === 'fetch failed') return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}
