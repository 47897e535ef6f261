import type { SignedInUser } from '../session/signedInUser.ts';
import { chartSummary, type ChartSummary } from './chartSummary.ts';
import type { LocalStore } from './localStore.ts';

/** The chart summary as printed, with who printed it and when for the page footer. */
export interface PrintableChart {
  chart: ChartSummary;
  printedAt: string;
  printedBy: string;
}

/** What a print shows. The call is audited as `print` before this leaves the host, so the renderer prints only after. */
export function printableChart(store: LocalStore, patientId: string, user: Pick<SignedInUser, 'name'>): PrintableChart {
  return { chart: chartSummary(store, patientId), printedAt: new Date().toISOString(), printedBy: user.name };
}
