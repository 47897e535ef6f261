import { AppError, uuidSchema } from '@eonpro/core';
import { SignJWT, errors, jwtVerify, type JWTHeaderParameters } from 'jose';
import { z } from 'zod';
import { roles, type Role } from './roles.ts';
import { SIGNING_ALGORITHM, type SigningKeys } from './signingKeys.ts';

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
const ISSUER = 'eonpro-sync-server';
const AUDIENCE = 'eonpro-clinic';

/** Who is calling: read from a verified access token. */
export interface AccessClaims {
  userId: string;
  tenantId: string;
  role: Role;
  deviceId: string;
}

const claimsSchema = z.object({
  sub: uuidSchema,
  tid: uuidSchema,
  role: z.enum(roles),
  did: uuidSchema,
});

export async function issueAccessToken(keys: SigningKeys, claims: AccessClaims, nowMs = Date.now()): Promise<{ token: string; expiresAt: Date }> {
  // JWT times are whole seconds; the expiry the client is told is exactly the token's.
  const expiresAt = new Date(Math.floor((nowMs + ACCESS_TOKEN_TTL_MS) / 1000) * 1000);
  const token = await new SignJWT({ tid: claims.tenantId, role: claims.role, did: claims.deviceId })
    .setProtectedHeader({ alg: SIGNING_ALGORITHM, kid: keys.current.kid, typ: 'JWT' })
    .setSubject(claims.userId)
    .setIssuer(ISSUER)
    .setAudience(AUDIENCE)
    .setIssuedAt(Math.floor(nowMs / 1000))
    .setExpirationTime(Math.floor(expiresAt.getTime() / 1000))
    .sign(keys.current.privateKey);
  return { token, expiresAt };
}

/** The token's claims, or UNAUTHORIZED (expired, forged, unknown key or malformed; the reason is not shown). */
export async function verifyAccessToken(keys: SigningKeys, token: string): Promise<AccessClaims> {
  try {
    const { payload } = await jwtVerify(
      token,
      async (header: JWTHeaderParameters) => {
        const key = header.kid ? await keys.verificationKey(header.kid) : null;
        if (!key) throw new errors.JWKSNoMatchingKey();
        return key;
      },
      { algorithms: [SIGNING_ALGORITHM], issuer: ISSUER, audience: AUDIENCE },
    );
    const claims = claimsSchema.parse(payload);
    return { userId: claims.sub, tenantId: claims.tid, role: claims.role, deviceId: claims.did };
  } catch (error) {
    const expired = error instanceof errors.JWTExpired;
    throw new AppError('UNAUTHORIZED', expired ? 'Your session has expired. Sign in again.' : 'You are not signed in. Sign in again.');
  }
}
