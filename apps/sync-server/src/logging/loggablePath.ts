/** What stands in the log for a path the server does not serve. */
export const UNKNOWN_PATH = '[unknown path]';

/**
 * A request's path as it may be logged: the API's own paths (`/trpc/<procedure>[,<procedure>…]`) as they are.
 * Any other path is whatever a client typed — a name or a record number in a URL — so it is not logged.
 */
export function loggablePath(path: string, apiPrefix: string, isProcedure: (name: string) => boolean): string {
  if (!path.startsWith(apiPrefix)) return UNKNOWN_PATH;
  const names = path.slice(apiPrefix.length).split(',');
  return names.every(isProcedure) ? path : `${apiPrefix}${UNKNOWN_PATH}`;
}
