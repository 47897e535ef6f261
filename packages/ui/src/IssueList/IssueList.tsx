import type { Issue } from '@eonpro/core';

export interface IssueListProps {
  issues: readonly Issue[];
  /** Names the list for assistive technology, e.g. "Problems in Ima_Reinger.json". */
  label: string;
}

/** Every problem with where it is, path first, so a clinician or admin can find and fix it. */
export function IssueList({ issues, label }: IssueListProps) {
  return (
    <ul className="ui-issues" aria-label={label}>
      {issues.map((issue, index) => (
        <li key={`${issue.path}:${index}`} className="ui-issues__item">
          {issue.path && <code className="ui-issues__path">{issue.path}</code>}
          <span className="ui-issues__message">{issue.message}</span>
        </li>
      ))}
    </ul>
  );
}
