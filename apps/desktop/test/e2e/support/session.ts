import type { Page } from 'playwright-core';

export interface AdminAccount {
  clinic: string;
  name: string;
  email: string;
  password: string;
}

const WORKSTATION_PASSPHRASE = 'correct horse battery staple';

/**
 * First start of a workstation opened at its launch link: unlock it where it asks for a passphrase (no OS keychain),
 * then create the clinic and its administrator, ending signed in on the search screen.
 */
export async function setUpClinic(page: Page, admin: AdminAccount): Promise<void> {
  const first = page.getByRole('heading', { name: /Unlock this workstation|Set up your clinic/ });
  await first.waitFor();
  if ((await first.textContent()) === 'Unlock this workstation') {
    await page.getByLabel('Workstation passphrase').fill(WORKSTATION_PASSPHRASE);
    await page.getByLabel('Workstation passphrase').press('Enter');
  }
  await page.getByLabel('Clinic name').fill(admin.clinic);
  await page.getByLabel('Administrator name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Confirm password').fill(admin.password);
  await page.getByLabel('Confirm password').press('Enter');
  await page.getByRole('heading', { name: 'Find patient' }).waitFor();
}

/** Signs in on the sign-in screen of a workstation whose clinic already exists. */
export async function signIn(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByRole('heading', { name: /^Sign in/ }).waitFor();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
  await page.getByRole('heading', { name: 'Find patient' }).waitFor();
}
