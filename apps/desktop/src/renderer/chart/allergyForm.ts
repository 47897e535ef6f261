import { allergyCategories, allergyCriticalities, allergyFieldsSchema, issuesFromZod, type Issue } from '@eonpro/core';
import { todayIso } from '../format/display.ts';
import type { AllergyEntry } from './chartTypes.ts';

export interface AllergyFormValues {
  substance: string;
  category: string;
  criticality: string;
  reaction: string;
  status: string;
}

export const allergyFormFields: (keyof AllergyFormValues)[] = ['substance', 'category', 'criticality', 'reaction', 'status'];

export const categoryOptions = allergyCategories.map((value) => ({ value, label: value[0]!.toUpperCase() + value.slice(1) }));
const criticalityLabels: Record<string, string> = { low: 'Low', high: 'High', 'unable-to-assess': 'Unable to assess' };
export const criticalityOptions = allergyCriticalities.map((value) => ({ value, label: criticalityLabels[value] ?? value }));
export const allergyStatusOptions = [
  { value: 'active', label: 'Active' },
  { value: 'inactive', label: 'Inactive' },
  { value: 'resolved', label: 'Resolved' },
];

export function criticalityLabel(value: string | null): string | null {
  return value ? (criticalityLabels[value] ?? value) : null;
}

export const newAllergy: AllergyFormValues = { substance: '', category: '', criticality: '', reaction: '', status: 'active' };

export function allergyToForm(entry: AllergyEntry): AllergyFormValues {
  return {
    substance: entry.substance,
    category: entry.category ?? '',
    criticality: entry.criticality ?? '',
    reaction: entry.reaction ?? '',
    status: entry.status,
  };
}

/**
 * The entry's full content as the host stores it. A correction keeps the original's coding unless the
 * substance was retyped (the old code would then name something else). Recorded today.
 */
export function allergyContent(values: AllergyFormValues, original: AllergyEntry | null) {
  const keepCode = original !== null && original.substance === values.substance.trim();
  return {
    substance: values.substance,
    category: (values.category || null) as (typeof allergyCategories)[number] | null,
    criticality: (values.criticality || null) as (typeof allergyCriticalities)[number] | null,
    reaction: values.reaction,
    status: values.status as AllergyEntry['status'],
    code: keepCode ? original.code : null,
    codeSystem: keepCode ? original.codeSystem : null,
    recordedDate: todayIso(),
  };
}

const contentSchema = allergyFieldsSchema.omit({ patientId: true, amendsId: true, sourceId: true });

/** Core's allergy rules, checked before sending so each problem shows beside its field. */
export function allergyIssues(content: ReturnType<typeof allergyContent>): Issue[] {
  const result = contentSchema.safeParse(content);
  return result.success ? [] : issuesFromZod(result.error);
}
