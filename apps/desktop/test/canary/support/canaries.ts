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

/** Registered in Chromium through the app's screens. */
export const typedInBrowser = { given: 'Idrisanthe', family: 'Morrowquill', birthDate: '1962-08-21' };

/** The edits made to the registered patient: the new values leak as much as the old. */
export const edits = { phone: '555-014-9902', addressLine: '12 Brackenmoor Lane' };

/** Secrets typed during the flow. */
export const secrets = { adminPassword: 'Glimmerquartz-Tundra-9931', wrongPassword: 'Zyxwvanthe-Wrong-Guess-77' };

export interface Needle {
  label: string;
  /** Lower case; the search ignores case. */
  text: string;
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
  for (const [field, value] of Object.entries(edits)) add(`edits.${field}`, value);
  for (const [field, value] of Object.entries(secrets)) add(`secrets.${field}`, value);
  return needles;
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
    const at = lower.indexOf(needle.text);
    if (at === -1) continue;
    const around = lower.slice(Math.max(0, at - 80), at + needle.text.length + 80);
    hits.push({ source, label: needle.label, context: maskCanaries(around, needles) });
  }
  return hits;
}

/** `text` with every canary (in lower case) replaced by its label. */
export function maskCanaries(text: string, needles: readonly Needle[]): string {
  let masked = text;
  for (const needle of [...needles].sort((a, b) => b.text.length - a.text.length)) masked = masked.split(needle.text).join(`<${needle.label}>`);
  return masked.replace(/\s+/g, ' ');
}

export function describeHits(hits: readonly CanaryHit[]): string {
  return `${hits.length} canary value(s) leaked:\n${hits.map((hit) => `  ${hit.label} in ${hit.source}: …${hit.context}…`).join('\n')}`;
}
