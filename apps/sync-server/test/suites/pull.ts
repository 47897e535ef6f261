import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { patientFields, TestClinic } from '../support/testServer.ts';
import type { SuiteContext } from './suiteContext.ts';

export function pullTests({ services }: SuiteContext): void {
  describe('sync.pull', () => {
    it('pages through changes by cursor, reporting what remains after each page', async () => {
      const device = await (await TestClinic.create(services())).device();
      const patients = Array.from({ length: 5 }, () => device.create('patient', patientFields()));
      await device.push(patients);

      const first = await device.pull(0, 2);
      assert.deepEqual([first.changes.length, first.hasMore, first.remaining], [2, true, 3]);
      const second = await device.pull(first.cursor, 2);
      assert.deepEqual([second.changes.length, second.hasMore, second.remaining], [2, true, 1]);
      const third = await device.pull(second.cursor, 2);
      assert.deepEqual([third.changes.length, third.hasMore, third.remaining], [1, false, 0]);

      const pages = [first, second, third];
      const seqs = pages.flatMap((page) => page.changes.map((change) => change.seq));
      assert.deepEqual(seqs, [...seqs].sort((a, b) => a - b));
      assert.equal(new Set(seqs).size, 5);
      pages.forEach((page) => assert.equal(page.cursor, page.changes.at(-1)!.seq));
      assert.deepEqual(pages.flatMap((page) => page.changes.map((change) => change.id)), patients.map((p) => p.recordId));

      const caughtUp = await device.pull(third.cursor, 2);
      assert.deepEqual(caughtUp, { changes: [], cursor: third.cursor, hasMore: false, remaining: 0 });
    });

    it('returns each record once, at the seq of its latest change, in its latest state', async () => {
      const device = await (await TestClinic.create(services())).device();
      const [a, b, c] = [device.create('patient', patientFields()), device.create('patient', patientFields()), device.create('patient', patientFields())];
      await device.push([a, b, c]);
      const edit = device.update('patient', a.recordId, { city: 'Capital City' }, a.fieldRevs.mrn!);
      await device.push([edit]);

      const page = await device.pull(0);
      assert.deepEqual(page.changes.map((change) => change.id), [b.recordId, c.recordId, a.recordId]);
      const latest = page.changes.at(-1)!;
      assert.equal(latest.fields.city, 'Capital City');
      assert.equal(latest.rev, edit.fieldRevs.city);
      assert.equal(latest.seq, page.cursor);
    });
  });
}
