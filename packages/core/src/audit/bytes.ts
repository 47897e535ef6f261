// TextEncoder is a global in Node 24 and every browser; core declares only what it uses so it stays free of DOM and node types.
declare const TextEncoder: new () => { encode(text: string): Uint8Array };

const encoder = new TextEncoder();
const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

export function utf8(text: string): Uint8Array {
  return encoder.encode(text);
}

/** Lower-case hexadecimal, two digits a byte. */
export function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += HEX_BYTES[byte]!;
  return hex;
}
