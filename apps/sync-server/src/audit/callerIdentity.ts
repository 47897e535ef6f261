import { z } from 'zod';
import { verifyAccessToken } from '../auth/accessToken.ts';
import { tenantOfChallengeToken } from '../auth/mfa/challenges.ts';
import { tenantOfRefreshToken } from '../auth/refreshTokens.ts';
import { roles } from '../auth/roles.ts';
import { emailSchema, findLogin } from '../auth/users.ts';
import type { ServerServices } from '../services.ts';
import type { AuditedCaller, CallFacts } from './requestAudit.ts';

/** A finished call of a procedure that works before anyone is signed in. */
export interface PublicCall {
  ok: boolean;
  data: unknown;
  rawInput: () => Promise<unknown>;
  accessToken: string | null;
}

export interface Identified {
  caller: AuditedCaller;
  facts?: CallFacts;
}

type Identify = (services: ServerServices, call: PublicCall) => Promise<Identified | null>;

const sessionSchema = z.object({ user: z.object({ id: z.string(), role: z.enum(roles), tenantId: z.string() }) });
const signInInputSchema = z.object({ email: emailSchema, deviceId: z.string() });
const refreshInputSchema = z.object({ refreshToken: z.string() });
const clinicSchema = z.object({ tenantId: z.string(), userId: z.string() });

/** A sign-in names its user in its answer; a failed one, the account its email belongs to (if any). */
const identifySignIn: Identify = async (services, call) => {
  const input = signInInputSchema.safeParse(await call.rawInput());
  const deviceId = input.success ? input.data.deviceId : null;
  if (call.ok) {
    const session = sessionSchema.safeParse(call.data);
    if (!session.success) return null;
    const { id, role, tenantId } = session.data.user;
    return { caller: { tenantId, userId: id, role, deviceId } };
  }
  const login = input.success ? await findLogin(services.db, input.data.email) : null;
  return login ? { caller: { tenantId: login.tenantId, userId: login.userId, role: null, deviceId } } : null;
};

const challengeInputSchema = z.object({ challengeToken: z.string() });

/**
 * The second step of a sign-in names its user in its answer (a session, or `{ session, recoveryCodes }`); a failed
 * one, the clinic its challenge token belongs to (the user is recorded by the step itself, as mfa-verify).
 */
const identifySecondStep: Identify = async (_services, call) => {
  if (call.ok) {
    const answer = call.data as { session?: unknown } | null;
    const session = sessionSchema.safeParse(answer && typeof answer === 'object' && 'session' in answer ? answer.session : answer);
    if (!session.success) return null;
    const { id, role, tenantId } = session.data.user;
    return { caller: { tenantId, userId: id, role, deviceId: null } };
  }
  const input = challengeInputSchema.safeParse(await call.rawInput());
  const tenantId = input.success ? tenantOfChallengeToken(input.data.challengeToken) : null;
  return tenantId ? { caller: { tenantId, userId: null, role: null, deviceId: null } } : null;
};

/** Sign-out carries the session's refresh token and, from a signed-in workstation, its access token. */
const identifySignOut: Identify = async (services, call) => {
  if (call.accessToken) {
    const claims = await verifyAccessToken(services.keys, call.accessToken).catch(() => null);
    if (claims) return { caller: { tenantId: claims.tenantId, userId: claims.userId, role: claims.role, deviceId: claims.deviceId } };
  }
  const input = refreshInputSchema.safeParse(await call.rawInput());
  const tenantId = input.success ? tenantOfRefreshToken(input.data.refreshToken) : null;
  return tenantId ? { caller: { tenantId, userId: null, role: null, deviceId: null } } : null;
};

/** Creating the clinic creates its tenant and first admin: the entry is the first of the tenant's chain. */
const identifyClinicCreation: Identify = async (services, call) => {
  const created = clinicSchema.safeParse(call.data);
  if (!call.ok || !created.success) return null;
  const { tenantId, userId } = created.data;
  return {
    caller: { tenantId, userId, role: 'admin', deviceId: null },
    facts: { entity: 'clinic', recordId: tenantId, recordRev: services.clock.tick() },
  };
};

const identifiers: Record<string, Identify> = {
  'auth.signIn': identifySignIn,
  'auth.signOut': identifySignOut,
  'auth.completeMfa': identifySecondStep,
  'auth.confirmMfaEnrolment': identifySecondStep,
  'setup.createClinic': identifyClinicCreation,
};

/** Who made a call that passed no access-token check, where the call itself tells. */
export function identifyPublicCall(services: ServerServices, path: string, call: PublicCall): Promise<Identified | null> {
  const identify = identifiers[path];
  return identify ? identify(services, call) : Promise.resolve(null);
}
