import type { AnyTRPCProcedure, TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { TRPCError } from '@trpc/server';
import { appRouter } from '../../src/routers/root.ts';
import type { Caller } from '../support/testServer.ts';

export type CallOutcome = { ok: true; data: unknown } | { ok: false; code: TRPC_ERROR_CODE_KEY; message: string };

/** Every procedure path of the server's router ('users.setRole'), read from the router itself. */
export function routerProcedurePaths(): string[] {
  // Typed as the nested router record; at run time tRPC keeps every procedure here by its dotted path.
  const procedures = appRouter._def.procedures as unknown as Record<string, AnyTRPCProcedure>;
  return Object.keys(procedures).sort();
}

/** Calls a procedure by its path, as over HTTP; a failure is returned, not thrown. */
export async function callProcedure(caller: Caller, path: string, input: unknown): Promise<CallOutcome> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  try {
    const data: unknown = await (target as (input: unknown) => Promise<unknown>)(input);
    return { ok: true, data };
  } catch (error) {
    if (error instanceof TRPCError) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}

export function describeOutcome(outcome: CallOutcome): string {
  return outcome.ok ? 'ok' : `${outcome.code} (${outcome.message})`;
}
