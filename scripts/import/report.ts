import type { ImportSummary } from '@eonpro/core';

export type FileOutcome = 'imported' | 'already present' | 'partly present' | 'failed';

export function fileOutcome(summary: ImportSummary): FileOutcome {
  if (!summary.ok) return 'failed';
  if (summary.patientsAlreadyPresent === 0) return 'imported';
  return summary.patientsImported === 0 ? 'already present' : 'partly present';
}

/** 0 when every file imported or was already present, 1 when any failed. */
export function importExitCode(summaries: readonly ImportSummary[]): 0 | 1 {
  return summaries.every((summary) => summary.ok) ? 0 : 1;
}

function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

function skippedTotal(summary: ImportSummary): number {
  return summary.skipped.reduce((sum, s) => sum + s.count, 0);
}

/** One line per file as it is imported: counts only, never patient data. */
export function formatProgress(position: number, total: number, summary: ImportSummary): string {
  const prefix = `[${position}/${total}] ${summary.fileName} …`;
  if (!summary.ok) return `${prefix} FAILED: ${plural(summary.issues.length, 'problem')} (listed below)`;
  const parts: string[] = [];
  if (summary.patientsImported > 0) {
    parts.push(
      `${plural(summary.patientsImported, 'patient')} imported, ${plural(summary.allergies, 'allergy', 'allergies')}, ` +
        `${plural(summary.conditions, 'condition')}, ${plural(summary.medications, 'medication')}`,
    );
  }
  if (summary.patientsAlreadyPresent > 0) parts.push(`${plural(summary.patientsAlreadyPresent, 'patient')} already present`);
  parts.push(`${plural(skippedTotal(summary), 'resource')} skipped`);
  return `${prefix} ${parts.join('; ')}`;
}

function table(rows: string[][], rightAligned: ReadonlySet<number>): string[] {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) =>
    row
      .map((cell, column) => (rightAligned.has(column) ? cell.padStart(widths[column]!) : cell.padEnd(widths[column]!)))
      .join('  ')
      .trimEnd(),
  );
}

/** The closing report: a row per file with totals, what was skipped and why, and every problem of failed files. */
export function formatReport(summaries: readonly ImportSummary[]): string {
  const header = ['File', 'Result', 'Imported', 'Present', 'Allergies', 'Conditions', 'Medications', 'Skipped'];
  const counts = (s: ImportSummary) => [s.patientsImported, s.patientsAlreadyPresent, s.allergies, s.conditions, s.medications, skippedTotal(s)];
  const totals = summaries.reduce((sum, s) => counts(s).map((value, i) => sum[i]! + value), [0, 0, 0, 0, 0, 0]);
  const rows = [
    header,
    ...summaries.map((s) => [s.fileName, fileOutcome(s), ...counts(s).map(String)]),
    ['Total', '', ...totals.map(String)],
  ];
  const lines = ['Import summary', ...table(rows, new Set([2, 3, 4, 5, 6, 7])).map((line) => `  ${line}`)];

  const byOutcome = (outcome: FileOutcome) => summaries.filter((s) => fileOutcome(s) === outcome).length;
  lines.push(
    '',
    `Files: ${summaries.length} — ${byOutcome('imported')} imported, ${byOutcome('already present')} already present, ` +
      `${byOutcome('partly present')} partly present, ${byOutcome('failed')} failed.`,
  );

  const skipped = new Map<string, { count: number; reason: string }>();
  for (const { resourceType, count, reason } of summaries.flatMap((s) => s.skipped)) {
    const entry = skipped.get(resourceType) ?? { count: 0, reason };
    entry.count += count;
    skipped.set(resourceType, entry);
  }
  if (skipped.size > 0) {
    lines.push('', 'Skipped resources:');
    const rows = [...skipped].sort(([a], [b]) => (a < b ? -1 : 1)).map(([type, { count, reason }]) => [type, String(count), reason]);
    lines.push(...table(rows, new Set([1])).map((line) => `  ${line}`));
  }

  const failed = summaries.filter((s) => !s.ok);
  if (failed.length > 0) {
    lines.push('', 'Failed files (nothing from them was imported):');
    for (const summary of failed) {
      lines.push(`  ${summary.fileName}`);
      for (const issue of summary.issues) lines.push(`    ${issue.path === '' ? '(whole file)' : issue.path}: ${issue.message}`);
    }
  }
  return lines.join('\n');
}
