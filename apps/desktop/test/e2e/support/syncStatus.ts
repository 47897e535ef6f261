import type { Page } from 'playwright-core';

function indicator(page: Page) {
  return page.getByRole('region', { name: 'Sync status' });
}

/**
 * Waits until the sync indicator's summary (e.g. "Offline — work is kept on this workstation", "3 changes waiting",
 * "Last synced: just now") matches `pattern`; it refreshes itself every few seconds. On timeout the error quotes
 * the whole indicator, error message included — states, counts and messages that carry no PHI.
 */
export async function waitForSyncStatus(page: Page, pattern: RegExp, timeoutMs = 30_000): Promise<string> {
  const matching = indicator(page).getByRole('status').filter({ hasText: pattern });
  try {
    await matching.waitFor({ timeout: timeoutMs });
  } catch {
    const shown = await indicator(page).innerText({ timeout: 1_000 }).catch(() => 'nothing');
    throw new Error(`The sync indicator did not show ${pattern} within ${timeoutMs / 1000} s; it shows: ${shown.replace(/\s+/g, ' ')}`);
  }
  return (await matching.textContent()) ?? '';
}

/** The number of changes waiting that the indicator shows. */
export function pendingCount(statusText: string): number {
  if (/No changes waiting/.test(statusText)) return 0;
  const match = /(\d+) changes? waiting/.exec(statusText);
  if (!match) throw new Error(`The sync indicator shows no pending count: ${statusText}`);
  return Number(match[1]);
}
