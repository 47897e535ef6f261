import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';

/** The code a waiting workstation shows (`XXXX-XXXX`), read from its screen. */
export async function waitingCode(page: Page): Promise<string> {
  await page.getByRole('heading', { name: 'Waiting for approval' }).waitFor();
  const text = (await page.getByRole('status').filter({ hasText: 'Waiting for approval' }).textContent()) ?? '';
  const code = /code ([0-9A-F]{4}-[0-9A-F]{4})/.exec(text)?.[1];
  assert.ok(code, `no code in "${text}"`);
  return code;
}

/** The administrator, on their own workstation, approves the waiting one whose code they were told. */
export async function approveOnAdminPage(adminPage: Page, code: string): Promise<void> {
  await openWorkstationsTab(adminPage);
  const approve = adminPage.getByRole('button', { name: new RegExp(`^Approve .* \\(code ${code}\\)$`) });
  await approve.waitFor();
  await approve.press('Enter');
  await adminPage.getByText(/is approved\./).waitFor();
}

export async function openWorkstationsTab(adminPage: Page): Promise<void> {
  await adminPage.getByRole('navigation', { name: 'Main' }).getByRole('button', { name: 'Administration' }).click();
  await adminPage.getByRole('tab', { name: 'Workstations' }).click();
  // Reload the list: a workstation may have registered since the tab was last open.
  await adminPage.getByRole('tabpanel').getByRole('button', { name: 'Refresh' }).click();
}

/** After approval the waiting workstation notices by itself (it asks every few seconds) and offers to sign in. */
export async function continueAfterApproval(page: Page): Promise<void> {
  await page.getByRole('heading', { name: 'Workstation approved' }).waitFor({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign in' }).click();
}
