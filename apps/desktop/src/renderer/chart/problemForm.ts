import { conditionFieldsSchema, issuesFromZod, type Issue } from '@eonpro/core';
import { todayIso } from '../format/display.ts';
import type { ConditionEntry } from './chartTypes.ts';

export interface ProblemFormValues {
  display: string;
  onsetDate: string;
  clinicalStatus: string;
}

export const problemFormFields: (keyof ProblemFormValues)[] = ['display', 'onsetDate', 'clinicalStatus'];

export const problemStatusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'recurrence', label: 'Recurrence' },
  { value: 'relapse', label: 'Relapse' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'remission', label: 'Remission' },
  { value: 'resolved', label: 'Resolved' },
];

export function problemStatusLabel(value: string): string {
  return problemStatusOptions.find((option) => option.value === value)?.label ?? value;
}

export const newProblem: ProblemFormValues = { display: '', onsetDate: '', clinicalStatus: 'active' };

export function problemToForm(entry: ConditionEntry): ProblemFormValues {
  return { display: entry.display, onsetDate: entry.onsetDate ?? '', clinicalStatus: entry.clinicalStatus };
}

/** Full content of a problem entry; a correction keeps the coding unless the description was retyped. */
export function problemContent(values: ProblemFormValues, original: ConditionEntry | null) {
  const keepCode = original !== null && original.display === values.display.trim();
  return {
    display: values.display,
    clinicalStatus: values.clinicalStatus as ConditionEntry['clinicalStatus'],
    onsetDate: values.onsetDate || null,
    abatementDate: original?.abatementDate ?? null,
    code: keepCode ? original.code : null,
    codeSystem: keepCode ? original.codeSystem : null,
    recordedDate: todayIso(),
  };
}

const contentSchema = conditionFieldsSchema.omit({ patientId: true, amendsId: true, sourceId: true });

export function problemIssues(content: ReturnType<typeof problemContent>): Issue[] {
  const result = contentSchema.safeParse(content);
  return result.success ? [] : issuesFromZod(result.error);
}
