/** Emails are compared as the server stores them: trimmed, lower case. */
export function normalisedEmail(email: string): string {
  return email.trim().toLowerCase();
}
