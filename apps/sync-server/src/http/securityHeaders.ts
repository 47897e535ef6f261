import type { ServerResponse } from 'node:http';

/** Sent with every response. The server serves no pages yet, so the policy allows nothing to load or frame it. */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  // Answers carry patient data: no cache may keep a copy.
  'Cache-Control': 'no-store',
};

/**
 * Sent only when workstations reach the server over HTTPS (its own TLS, or a TLS proxy in front): browsers ignore
 * it on plain HTTP, and sending it there would suggest a protection that is not in place.
 */
export const HSTS_HEADER = { name: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' } as const;

export function setSecurityHeaders(response: ServerResponse, options: { hsts: boolean }): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.setHeader(name, value);
  if (options.hsts) response.setHeader(HSTS_HEADER.name, HSTS_HEADER.value);
}
