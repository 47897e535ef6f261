import { TRPC_ERROR_CODES_BY_KEY, type TRPCErrorResponse } from '@trpc/server/rpc';

const httpStatusByCode = { BAD_REQUEST: 400, INTERNAL_SERVER_ERROR: 500 } as const;

/**
 * An error answer made outside the host (bad request shape, host process gone), in tRPC's default error shape so
 * the renderer handles it like any other procedure error.
 */
export function ipcErrorResponse(
  code: keyof typeof httpStatusByCode,
  message: string,
  path: string | undefined,
): TRPCErrorResponse {
  return {
    error: {
      code: TRPC_ERROR_CODES_BY_KEY[code],
      message,
      data: { code, httpStatus: httpStatusByCode[code], path },
    },
  };
}
