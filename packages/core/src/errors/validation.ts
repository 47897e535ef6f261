import type { z } from 'zod';
import { AppError, formatPath, type Issue } from './appError.ts';

/** Every problem zod found, each with its path; zod's messages name the rule, never the value. */
export function issuesFromZod(error: z.ZodError, prefix: readonly PropertyKey[] = []): Issue[] {
  return error.issues.map((issue) => ({ path: formatPath([...prefix, ...issue.path]), message: issue.message }));
}

/** Parse or throw one VALIDATION error listing every problem. */
export function parseOrThrow<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = issuesFromZod(result.error);
  const first = issues[0];
  throw new AppError('VALIDATION', `${what} is not valid: ${first ? `${first.path || what}: ${first.message}` : 'unknown problem'}`, issues);
}
