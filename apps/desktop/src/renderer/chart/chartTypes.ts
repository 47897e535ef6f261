import type { HostOutputs } from '../trpc.ts';

export type ChartSummaryData = HostOutputs['chart']['summary'];
export type AllergyEntry = ChartSummaryData['allergies'][number];
export type ConditionEntry = ChartSummaryData['conditions'][number];
export type MedicationEntry = ChartSummaryData['medications'][number];
export type PrintableChartData = HostOutputs['chart']['print'];
