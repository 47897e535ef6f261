/** A problem with how the importer was called or with its surroundings (exit code 2), not with a bundle. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
