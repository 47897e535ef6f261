import { formatPath, type Issue } from '../errors/appError.ts';
import type { FhirPath } from './fhirJson.ts';

/** The problems found in a bundle, each at its path. Messages describe the rule, never the offending value. */
export class IssueList {
  readonly issues: Issue[] = [];
  private readonly paths = new Set<string>();

  add(path: FhirPath, message: string): void {
    const formatted = formatPath(path);
    this.issues.push({ path: formatted, message });
    this.paths.add(formatted);
  }

  /** Adds the issue unless one was already reported at the same path (a field is explained once). */
  addOnce(path: FhirPath, message: string): void {
    if (!this.paths.has(formatPath(path))) this.add(path, message);
  }

  /** The issues ordered by the entry they concern (bundle-level ones first), each entry's in the order found. */
  inEntryOrder(): Issue[] {
    const entryIndex = (issue: Issue) => Number(/^entry\[(\d+)\]/.exec(issue.path)?.[1] ?? -1);
    return [...this.issues].sort((a, b) => entryIndex(a) - entryIndex(b));
  }

  get count(): number {
    return this.issues.length;
  }
}
