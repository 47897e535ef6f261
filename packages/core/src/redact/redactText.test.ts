import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { REDACTED } from './redacted.ts';
import { redactText } from './redactText.ts';

const syntheaDir = new URL('../../../../../shared/fixtures/synthea/', import.meta.url);

interface Canary {
  given: string;
  family: string;
  birthDate: string;
  phone: string;
  ssn: string;
  otherIds: string[];
  addressLine: string;
}

interface SyntheaResource {
  resourceType: string;
}

interface SyntheaPatient extends SyntheaResource {
  name: Array<{ given: string[]; family: string }>;
  birthDate: string;
  telecom: Array<{ value: string }>;
  identifier: Array<{ value: string }>;
  address: Array<{ line: string[] }>;
}

/** The real patients in the Synthea fixtures: the values no log line may ever carry. */
function syntheaCanaries(): Canary[] {
  return readdirSync(syntheaDir)
    .filter((file) => file.endsWith('.json'))
    .map((file) => {
      const bundle = JSON.parse(readFileSync(new URL(file, syntheaDir), 'utf8')) as { entry: Array<{ resource: SyntheaResource }> };
      const patient = bundle.entry.find((entry) => entry.resource.resourceType === 'Patient')!.resource as SyntheaPatient;
      const ids = patient.identifier.map((identifier) => identifier.value);
      return {
        given: patient.name[0]!.given[0]!,
        family: patient.name[0]!.family,
        birthDate: patient.birthDate,
        phone: patient.telecom[0]!.value,
        ssn: ids.find((id) => /^\d{3}-\d{2}-\d{4}$/.test(id))!,
        otherIds: ids.filter((id) => /^[SX]\d+X?$/.test(id)),
        addressLine: patient.address[0]!.line[0]!,
      };
    });
}

function assertRedacted(line: string, secrets: readonly string[], knownValues: readonly string[] = []): string {
  const out = redactText(line, { knownValues });
  for (const secret of secrets) assert.ok(!out.toLowerCase().includes(secret.toLowerCase()), `"${secret}" survived in: ${out}`);
  return out;
}

describe('redactText', () => {
  it('removes every Synthea canary from realistic log lines', () => {
    const canaries = syntheaCanaries();
    assert.ok(canaries.length >= 5);
    for (const canary of canaries) {
      const lines = [
        `import failed for ${canary.given} ${canary.family} (dob ${canary.birthDate}, ssn ${canary.ssn}) at ${canary.addressLine}`,
        `{"msg":"duplicate candidate","givenName":"${canary.given}","familyName":"${canary.family}","birthDate":"${canary.birthDate}"}`,
        `callback ${canary.phone} | ${canary.phone.replace(/-/g, '.')} | (${canary.phone.slice(0, 3)}) ${canary.phone.slice(4)} | +1${canary.phone.replace(/-/g, '')}`,
        `mrn=${canary.otherIds[0] ?? 'S99972861'} passport: ${canary.otherIds[1] ?? 'X26581224X'}`,
        `PostgreSQL: Key (family_name, birth_date)=(${canary.family.toUpperCase()}, ${canary.birthDate}) already exists`,
        `reading /data/imports/${canary.given}_${canary.family}_1234.json`,
        `search ?input={"query":"${canary.family.toLowerCase()}"} took 12 ms`,
      ];
      const known = [canary.given, canary.family, ...canary.otherIds];
      for (const line of lines) {
        assertRedacted(line, [canary.given, canary.family, canary.birthDate, canary.ssn, canary.phone, canary.addressLine, ...canary.otherIds], known);
      }
    }
  });

  it('redacts SSNs, phone numbers and emails by pattern alone', () => {
    assert.equal(redactText('ssn 999-87-9731 or 999 87 9731'), `ssn ${REDACTED} or ${REDACTED}`);
    assert.equal(
      redactText('call 555-531-4774, (555) 531-4774, 555.531.4774, +1 555 531 4774 or 5555314774'),
      `call ${REDACTED}, ${REDACTED}, ${REDACTED}, ${REDACTED} or ${REDACTED}`,
    );
    assert.equal(redactText('from zoe.obrien+clinic@example-health.org.'), `from ${REDACTED}.`);
  });

  it('redacts dates written as dates, timestamps included', () => {
    for (const date of ['1992-09-13', '09/13/1992', '9/13/1992', '13/09/1992', '09-13-1992', '13.09.1992', '1992/09/13', '9/13/92', '1992-09-13T00:00:00Z']) {
      assert.equal(redactText(`born ${date}.`), `born ${REDACTED}.`, date);
    }
  });

  it('redacts tokens, JWTs, credentials and long secrets', () => {
    const jwt = 'eyJhbGciOiJFZERTQSIsImtpZCI6IjIwMjQifQ.eyJzdWIiOiIwMTkwYTZiNCJ9.c2lnbmF0dXJlLWJ5dGVz';
    assert.equal(redactText(`Authorization: Bearer ${jwt}`), `Authorization: Bearer ${REDACTED}`);
    assert.equal(redactText(`token ${jwt} rejected`), `token ${REDACTED} rejected`);
    assert.equal(redactText('Basic dXNlcjpodW50ZXIy sent'), `Basic ${REDACTED} sent`);
    assert.equal(redactText('password=hunter2&next=1'), `password=${REDACTED}&next=${REDACTED}`);
    assert.equal(redactText('{"refreshToken":"r3fr3sh-T0ken value","ok":true}'), `{"refreshToken":"${REDACTED}","ok":true}`);
    assert.equal(redactText("launchToken: 'abc'"), `launchToken: '${REDACTED}'`);
    assert.equal(redactText('http://127.0.0.1:5173/#token=Zx81kq'), `http://127.0.0.1:5173/#token=${REDACTED}`);
    assert.equal(redactText('key 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08'), `key ${REDACTED}`);
    assert.equal(redactText('refresh 4Kq9xZ2mP7vR1sT8wY3bN6cD0fG5hJ2kL9pQ4rS7tU1 rotated'), `refresh ${REDACTED} rotated`);
  });

  it('redacts street addresses, Synthea suffixes and units included', () => {
    for (const address of ['740 Conn Village Apt 2', '1016 Bednar Path Suite 26', '12 W 5th Street', '1 MAIN ST', '88 Old Mill Rd.', '279 Walsh Haven']) {
      assert.equal(redactText(`moved to ${address} today`), `moved to ${REDACTED} today`, address);
    }
  });

  it('redacts known values in any case and with or without accents, as whole words', () => {
    const knownValues = ["Zoë O'Brien-Núñez", 'Li'];
    assert.equal(
      redactText("ZOE O'BRIEN-NUNEZ, zoë, Núñez and o brien nunez; Zoey, Annual, Lia, li.", { knownValues }),
      // A lone one-letter word ("o") is too common to redact on its own; the whole value and its longer words are.
      `${REDACTED}, ${REDACTED}, ${REDACTED} and o ${REDACTED} ${REDACTED}; Zoey, Annual, Lia, ${REDACTED}.`,
    );
    // Accents typed as combining marks are found, and go with the letters they sit on.
    assert.equal(redactText('Nu\u0301n\u0303ez called', { knownValues }), `${REDACTED} called`);
  });

  it('keeps ids, clocks and the numbers a log needs', () => {
    const safe = [
      'patient 0190a6b4-6c1e-7abc-8def-0123456789ab updated',
      'synthea id 43481611-2459-44f5-ab20-4b142dac160f imported',
      'rev 000001733241600000:000003:0190a6b4-6c1e-7abc-8def-0123456789ab applied',
      'rev 000001733241600000:000000:desk-1',
      'time 1733241600000 took 1234 ms, 42 rows, cursor 9876543',
      'listening on 127.0.0.1:4010, node v24.1.0, schema 1.2.24',
      'push batch 3/7 size 500 of 12000',
      'error VALIDATION at entry[3].resource.birthDate',
      'at file:///work/main/apps/sync-server/src/routers/import.ts:42:17',
      'protocol versions [1,2], 2 devices, 10 tokens counted',
    ];
    for (const line of safe) assert.equal(redactText(line), line);
  });

  it('does not redact what is already redacted twice', () => {
    const once = redactText('name: Edward phone 555-531-4774', { knownValues: ['Edward'] });
    assert.equal(once, `name: ${REDACTED} phone ${REDACTED}`);
    assert.equal(redactText(once, { knownValues: ['Edward'] }), once);
  });
});
