/**
 * Patients no real person could be confused with: names made up for this test, identifiers in ranges never
 * issued (SSNs starting 987, 555-01xx phone numbers). Any of these values in a log, a URL or an error means a leak.
 */
export interface CanaryPatient {
  given: string;
  family: string;
  birthDate: string;
  phone: string;
  mrn: string;
  ssn: string;
  addressLine: string;
  city: string;
  email: string;
}

/** Imported on workstation A from a Synthea-shaped bundle. */
export const imported: CanaryPatient = {
  given: 'Zyxwvanthe',
  family: 'Qorvalinsky',
  birthDate: '1937-04-29',
  phone: '555-013-7291',
  mrn: 'QZV771KX',
  ssn: '987-65-4329',
  addressLine: '4471 Quillon Farrow Way',
  city: 'Marrowdeep',
  email: 'zyxwvanthe.q@example.test',
};

/** Registered, edited and charted on workstation A through the host's procedures. */
export const registered: CanaryPatient = {
  given: 'Vantrelloqua',
  family: 'Oxbriddenhal',
  birthDate: '1944-11-03',
  phone: '555-019-4826',
  mrn: 'VOX5521Q',
  ssn: '987-22-6170',
  addressLine: '88 Thistlewick Rise',
  city: 'Gorsemantle',
  email: 'vantrelloqua.ox@example.test',
};

/** Imported straight into the sync server (the `npm run import` path). */
export const serverImported: CanaryPatient = {
  given: 'Pellucidora',
  family: 'Wexhammond',
  birthDate: '1951-06-17',
  phone: '555-016-2284',
  mrn: 'PWX3302Z',
  ssn: '987-12-6543',
  addressLine: '19 Cindermoss Hollow',
  city: 'Fenwhistle',
  email: 'pellucidora.w@example.test',
};

/**
 * Registered on workstation A with an SSN and a driver's licence (sealed on the server, masked on the workstations),
 * restricted by the administrator, then opened on workstation B with a break-glass reason. The SSN is one the SSA
 * could issue (else it would be refused, or skipped on import), the licence as a state prints one.
 */
export const identified = {
  given: 'Brannoxelle',
  family: 'Thistlequarry',
  birthDate: '1958-02-11',
  ssn: '508-73-1946',
  driversLicense: 'CANARYDL7731',
};

/** Registered in Chromium through the app's screens, an SSN and a licence typed in its form. */
export const typedInBrowser = { given: 'Idrisanthe', family: 'Morrowquill', birthDate: '1962-08-21', ssn: '602-48-1937', driversLicense: 'CANARYDL4420' };

/**
 * More SSNs the SSA could issue, for the identified patient: changed to one on each workstation before either synced
 * (the server keeps one and opens a review task holding the other), and one in a push the server rejects.
 */
export const moreSsns = { editedOnA: '318-52-7064', editedOnB: '429-61-8035', inRejectedPush: '237-90-4518' };

/** Identifiers typed wrong on purpose: the refusal must say what is wrong without repeating them. */
export const invalidIdentifiers = { ssnNeverIssued: '666-31-8824', ssnMalformed: '5087-3-19460', driversLicense: 'CANARY-DL-99!' };

/** What the person types to open the restricted patient on workstation B, and a reason too short to count. */
export const breakGlass = {
  canaryWord: 'Glowmarrow',
  reason: 'Glowmarrow canary: collapsed at the front desk, the ambulance crew asks for her allergy list',
  tooShort: 'Vexbrine!',
};

/** The edits made to the registered patient: the new values leak as much as the old. */
export const edits = { phone: '555-014-9902', addressLine: '12 Brackenmoor Lane' };

/** Secrets typed during the flow (those the server issues are collected as it runs: see issuedSecrets.ts). */
export const secrets = {
  adminPassword: 'Glimmerquartz-Tundra-9931',
  prescriberPassword: 'Hollowfen-Prescriber-Key-5520',
  wrongPassword: 'Zyxwvanthe-Wrong-Guess-77',
  /** Typed offline, at sign-in and at the lock screen: checked against the workstation's verifier only. */
  wrongOfflinePassword: 'Marrowlight-Offline-Miss-42',
  /** Well formed (the server's alphabet), never issued. */
  wrongRecoveryCode: 'WXYZ-7QRS-TV8M-KP42',
};

export interface Needle {
  label: string;
  /** Lower case; the search ignores case. */
  text: string;
  /** Digits that count only standing alone (a 6-digit one-time code), not inside a longer number such as a timestamp. */
  wholeNumber?: true;
}

/** Every canary value as searched for: phone numbers and SSNs also with other separators or none. */
export function canaryNeedles(): Needle[] {
  const needles: Needle[] = [];
  const add = (label: string, value: string) => needles.push({ label, text: value.toLowerCase() });
  for (const [name, patient] of Object.entries({ imported, registered, serverImported })) {
    for (const [field, value] of Object.entries(patient)) add(`${name}.${field}`, value);
    for (const [field, value] of [['phone', patient.phone], ['ssn', patient.ssn]] as const) {
      const digits = value.replace(/\D/g, '');
      add(`${name}.${field} (digits)`, digits);
      add(`${name}.${field} (dots)`, value.replace(/-/g, '.'));
      add(`${name}.${field} (spaces)`, value.replace(/-/g, ' '));
    }
  }
  for (const [field, value] of Object.entries(typedInBrowser)) add(`typedInBrowser.${field}`, value);
  for (const [name, ssn] of [['identified', identified.ssn], ['typedInBrowser', typedInBrowser.ssn], ['invalidIdentifiers', invalidIdentifiers.ssnNeverIssued]] as const) {
    add(`${name}.ssn (digits)`, ssn.replace(/\D/g, ''));
    add(`${name}.ssn (spaces)`, ssn.replace(/-/g, ' '));
  }
  for (const [field, value] of Object.entries(identified)) add(`identified.${field}`, value);
  for (const [field, value] of Object.entries(moreSsns)) {
    add(`moreSsns.${field}`, value);
    add(`moreSsns.${field} (digits)`, value.replace(/\D/g, ''));
  }
  for (const [field, value] of Object.entries(invalidIdentifiers)) add(`invalidIdentifiers.${field}`, value);
  for (const [field, value] of Object.entries(breakGlass)) add(`breakGlass.${field}`, value);
  for (const [field, value] of Object.entries(edits)) add(`edits.${field}`, value);
  for (const [field, value] of Object.entries(secrets)) add(`secrets.${field}`, value);
  add('secrets.wrongRecoveryCode (compact)', secrets.wrongRecoveryCode.replace(/-/g, ''));
  return needles;
}

/** The values the server's database may hold only sealed: the SSNs and licences, and the break-glass reason. */
export function sealedNeedles(): Needle[] {
  return canaryNeedles().filter(({ label }) => /^(identified|typedInBrowser)\.(ssn|driversLicense)\b|^moreSsns\.|^breakGlass\.(reason|canaryWord)/.test(label));
}

export interface CanaryHit {
  source: string;
  label: string;
  /** The text around the hit with every canary replaced by its label, so a failure report leaks nothing itself. */
  context: string;
}

/** Every canary in `text`, ignoring case. */
export function findCanaries(source: string, text: string, needles: readonly Needle[]): CanaryHit[] {
  const lower = text.toLowerCase();
  const hits: CanaryHit[] = [];
  for (const needle of needles) {
    const at = needle.wholeNumber ? (wholeNumberPattern(needle.text).exec(lower)?.index ?? -1) : lower.indexOf(needle.text);
    if (at === -1) continue;
    const [start, end] = widenOverCanaries(lower, Math.max(0, at - 80), at + needle.text.length + 80, needles);
    hits.push({ source, label: needle.label, context: maskCanaries(lower.slice(start, end), needles) });
  }
  return hits;
}

/** The window widened so that no canary is cut in two at its edges (half a secret would go unmasked). */
function widenOverCanaries(lower: string, start: number, end: number, needles: readonly Needle[]): [number, number] {
  let [from, to] = [start, end];
  for (const { text } of needles) {
    const atStart = lower.indexOf(text, Math.max(0, from - text.length + 1));
    if (atStart !== -1 && atStart < from) from = atStart;
    const atEnd = lower.indexOf(text, Math.max(0, to - text.length + 1));
    if (atEnd !== -1 && atEnd < to && atEnd + text.length > to) to = atEnd + text.length;
  }
  return [from, to];
}

/** `text` with every canary (in lower case) replaced by its label. */
export function maskCanaries(text: string, needles: readonly Needle[]): string {
  let masked = text;
  for (const needle of [...needles].sort((a, b) => b.text.length - a.text.length)) {
    masked = needle.wholeNumber ? masked.replace(wholeNumberPattern(needle.text, 'g'), `<${needle.label}>`) : masked.split(needle.text).join(`<${needle.label}>`);
  }
  return masked.replace(/\s+/g, ' ');
}

function wholeNumberPattern(digits: string, flags = ''): RegExp {
  return new RegExp(`(?<!\\d)${digits}(?!\\d)`, flags);
}

export function describeHits(hits: readonly CanaryHit[]): string {
  return `${hits.length} canary value(s) leaked:\n${hits.map((hit) => `  ${hit.label} in ${hit.source}: …${hit.context}…`).join('\n')}`;
}
