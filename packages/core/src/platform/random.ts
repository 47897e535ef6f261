// Web Crypto is a global in Node 24 and every browser; core declares only what it uses so it stays free of DOM and node types.
declare const crypto: { getRandomValues<T extends Uint8Array>(array: T): T };

export function randomBytes(length: number): Uint8Array {
  return crypto.getRandomValues(new Uint8Array(length));
}
