import type { ReactNode } from 'react';
import { BreakGlassReviewTab } from './BreakGlassReviewTab.tsx';
import { SecurityPolicyTab } from './SecurityPolicyTab.tsx';
import { UsersTab } from './UsersTab.tsx';
import { WorkstationsTab } from './WorkstationsTab.tsx';

export interface AdminTab {
  id: string;
  label: string;
  panel: () => ReactNode;
}

/** The Administration screen's tabs, in order: a new tab is one more entry here. */
export const adminTabs: readonly AdminTab[] = [
  { id: 'users', label: 'Users', panel: () => <UsersTab /> },
  { id: 'workstations', label: 'Workstations', panel: () => <WorkstationsTab /> },
  { id: 'security-policy', label: 'Security policy', panel: () => <SecurityPolicyTab /> },
  { id: 'break-glass', label: 'Break-glass review', panel: () => <BreakGlassReviewTab /> },
];
