import type { Page } from 'playwright-core';
import type { TestAuthenticator } from '../../host/support/testAuthenticator.ts';
import { approveOnAdminPage, continueAfterApproval, waitingCode } from './workstations.ts';

export interface AdminAccount {
  clinic: string;
  name: string;
  email: string;
  password: string;
}

const WORKSTATION_PASSPHRASE = 'correct horse battery staple';

/**
 * First start of a workstation opened at its launch link: unlock it where it asks for a passphrase (no OS keychain),
 * then create the clinic and its administrator, set up their authenticator (two-step sign-in, with `authenticator`,
 * whose clock the server reads), and end signed in on the search screen.
 */
export async function setUpClinic(page: Page, admin: AdminAccount, authenticator: TestAuthenticator): Promise<void> {
  const first = page.getByRole('heading', { name: /Choose a workstation passphrase|Unlock this workstation|Set up your clinic/ });
  await first.waitFor();
  const heading = await first.textContent();
  if (heading !== 'Set up your clinic') {
    await page.getByLabel('Workstation passphrase').fill(WORKSTATION_PASSPHRASE);
    if (heading === 'Choose a workstation passphrase') await page.getByLabel('Repeat the passphrase').fill(WORKSTATION_PASSPHRASE);
    await page.getByLabel('Workstation passphrase').press('Enter');
  }
  await createClinic(page, admin);
  await setUpTwoStepSignIn(page, admin.email, authenticator);
  await page.getByRole('heading', { name: 'Find patient' }).waitFor();
}

/** The first-start form, by keyboard: the clinic and its administrator, sent with Enter. */
export async function createClinic(page: Page, admin: AdminAccount): Promise<void> {
  await page.getByLabel('Clinic name').fill(admin.clinic);
  await page.getByLabel('Administrator name').fill(admin.name);
  await page.getByLabel('Email').fill(admin.email);
  await page.getByLabel('Password', { exact: true }).fill(admin.password);
  await page.getByLabel('Confirm password').fill(admin.password);
  await page.getByLabel('Confirm password').press('Enter');
}

/** The sign-in screen: waits for it, types the email and password, sends them with Enter. */
export async function submitPassword(page: Page, account: { email: string; password: string }): Promise<void> {
  await page.getByRole('heading', { name: /^Sign in/ }).waitFor();
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password', { exact: true }).fill(account.password);
  await page.getByLabel('Password', { exact: true }).press('Enter');
}

/** The enrolment screen, by keyboard: type the key shown into the authenticator, confirm a code, keep the recovery codes. */
export async function setUpTwoStepSignIn(page: Page, email: string, authenticator: TestAuthenticator): Promise<string[]> {
  await page.getByRole('heading', { name: 'Set up two-step sign-in' }).waitFor();
  const secret = (await page.getByLabel('Setup key').textContent())!.replace(/\s/g, '');
  authenticator.enrol(email, secret);
  await page.getByLabel('Code', { exact: true }).fill(await authenticator.nextCode(email));
  await page.getByLabel('Code', { exact: true }).press('Enter');
  await page.getByRole('heading', { name: 'Save your recovery codes' }).waitFor();
  const codes = await page.getByRole('list', { name: 'Recovery codes' }).getByRole('listitem').allTextContents();
  await page.getByLabel('I have saved these codes').press('Space');
  await page.getByRole('button', { name: 'Continue' }).press('Enter');
  return codes;
}

/** The two-step screen: a code from the authenticator, typed and sent with Enter. */
async function enterCode(page: Page, email: string, authenticator: TestAuthenticator): Promise<void> {
  const code = page.getByLabel('Code', { exact: true });
  await code.fill(await authenticator.nextCode(email));
  await code.press('Enter');
}

/**
 * Signs in on the sign-in screen of a workstation whose clinic already exists. A new workstation first waits for
 * approval: `approvedFrom`, the administrator's page on an approved workstation, approves it in Administration →
 * Workstations by the code this one shows; then the person signs in. Where the two-step screen asks for a code,
 * `authenticator` gives it.
 */
export async function signIn(
  page: Page,
  account: { email: string; password: string },
  options: { approvedFrom?: Page; authenticator?: TestAuthenticator } = {},
): Promise<void> {
  await submitPassword(page, account);
  const arrived = () => page.getByRole('heading', { name: /^(Find patient|Waiting for approval|Two-step sign-in)$/ });
  await arrived().waitFor();
  if ((await arrived().textContent()) === 'Waiting for approval') {
    if (!options.approvedFrom) throw new Error('This workstation waits for approval: pass the administrator’s page as approvedFrom');
    await approveOnAdminPage(options.approvedFrom, await waitingCode(page));
    await continueAfterApproval(page);
    await submitPassword(page, account);
    await arrived().waitFor();
  }
  if ((await arrived().textContent()) === 'Two-step sign-in') {
    if (!options.authenticator) throw new Error('This account signs in with a code: pass the authenticator');
    await enterCode(page, account.email, options.authenticator);
  }
  await page.getByRole('heading', { name: 'Find patient' }).waitFor();
}
