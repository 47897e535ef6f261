import QRCode from 'qrcode';

/**
 * The otpauth:// URI as a QR code: an SVG in a data: URL, which the renderer's CSP allows for images (img-src
 * 'self' data:), drawn here without any network request.
 */
export async function qrCodeImage(otpauthUri: string): Promise<string> {
  const svg = await QRCode.toString(otpauthUri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svg)}`;
}

/** The secret in groups of four, easier to type into an app by hand. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(' ') ?? secret;
}
