import { isIP } from 'node:net';

/** What the listening options say about how workstations reach the server. */
export interface TransportFacts {
  /** The address the API listens on. */
  host: string;
  /** The server serves TLS itself. */
  tls: boolean;
  /** The URL workstations use, if given (https:// means a TLS-terminating proxy in front). */
  publicUrl?: string;
}

/** Workstations come over HTTPS: TLS here, or a proxy that terminates it. Only then is HSTS meaningful. */
export function reachedOverHttps(facts: TransportFacts): boolean {
  return facts.tls || (facts.publicUrl !== undefined && URL.canParse(facts.publicUrl) && new URL(facts.publicUrl).protocol === 'https:');
}

/** Plain HTTP that other machines can reach: tokens and patient data would cross the network unencrypted. */
export function exposesPlainHttp(facts: TransportFacts): boolean {
  return !reachedOverHttps(facts) && !isLoopback(facts.host);
}

function isLoopback(host: string): boolean {
  const address = host.replace(/^\[|\]$/g, '').toLowerCase();
  if (address === 'localhost') return true;
  if (isIP(address) === 4) return address.startsWith('127.');
  return address === '::1' || address.startsWith('::ffff:127.');
}
