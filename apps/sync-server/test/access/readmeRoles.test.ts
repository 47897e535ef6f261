import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { everyRole, procedureAccess } from './procedureAccess.ts';

const README = new URL('../../../../README.md', import.meta.url);
const COLUMNS = ['front_desk', 'nurse', 'prescriber', 'admin', 'auditor'] as const;

/** The rows of the README's `### Users and roles` table: the roles ticked and the procedures named. */
function readmeRows(): Array<{ what: string; roles: string[]; procedures: string[] }> {
  const text = readFileSync(README, 'utf8');
  const section = text.slice(text.indexOf('### Users and roles'), text.indexOf('\n## ', text.indexOf('### Users and roles')));
  return section
    .split('\n')
    .filter((line) => line.startsWith('| ') && !line.startsWith('| What') && !line.startsWith('| ---'))
    .map((line) => {
      const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
      return {
        what: cells[0]!,
        roles: COLUMNS.filter((_, index) => cells[index + 1] === '✓'),
        procedures: [...cells[6]!.matchAll(/`([^`]+)`/g)].map((match) => match[1]!),
      };
    });
}

describe('README: users and roles', () => {
  it('lists every procedure that needs a role once, with exactly the roles the matrix allows', () => {
    const rows = readmeRows();
    assert.ok(rows.length >= 4, 'the table was found');
    const listed = rows.flatMap((row) => row.procedures);
    const signedIn = Object.entries(procedureAccess).filter(([, access]) => access.allowed !== 'public').map(([path]) => path);
    assert.deepEqual([...listed].sort(), [...signedIn].sort(), 'every signed-in procedure, once');
    for (const row of rows) {
      for (const path of row.procedures) {
        const allowed = procedureAccess[path]!.allowed;
        assert.notEqual(allowed, 'public');
        assert.deepEqual(row.roles, everyRole.filter((role) => (allowed as readonly string[]).includes(role)), `${path} in "${row.what}"`);
      }
    }
  });
});
