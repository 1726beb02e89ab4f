import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const repo = join(__dirname, '../..');
const script = join(__dirname, '../check-table-ownership.mjs');

function check(root?: string): { status: number | null; out: string } {
  const r = spawnSync(process.execPath, [script, ...(root ? ['--root', root] : [])], { encoding: 'utf8' });
  return { status: r.status, out: `${r.stdout}${r.stderr}` };
}

function write(root: string, path: string, text: string): void {
  mkdirSync(dirname(join(root, path)), { recursive: true });
  writeFileSync(join(root, path), text);
}

/** Two libs: records creates patient (and publishes a view of it); worklist creates chart_lease. */
function fixture(): string {
  const root = mkdtempSync(join(tmpdir(), 'ownership-'));
  for (const lib of ['records', 'worklist']) write(root, `libs/api/${lib}/project.json`, '{}');
  write(
    root,
    'libs/api/records/src/lib/migrations/1-records.ts',
    "q.query('CREATE TABLE patient (id uuid)'); q.query('CREATE VIEW records_patients AS SELECT id FROM patient');",
  );
  write(root, 'libs/api/records/src/lib/patients.ts', "m.query('SELECT id FROM patient WHERE id = $1');");
  write(root, 'libs/api/worklist/src/lib/migrations/2-worklist.ts', 'q.query(`CREATE TABLE chart_lease (id uuid)`);');
  write(
    root,
    'libs/api/worklist/src/lib/lease.ts',
    [
      '// Comments and imports never count: the lease joins the patient from records.',
      "import { x } from './from';",
      'const sql = `SELECT l.id FROM chart_lease l JOIN records_patients p ON p.id = l.id`;',
    ].join('\n'),
  );
  return root;
}

describe('check-table-ownership', () => {
  let root: string;
  beforeEach(() => (root = fixture()));
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('passes when each lib names only its own tables and published views', () => {
    const r = check(root);
    expect(r.out).toContain('table ownership: ok (3 tables/views');
    expect(r.status).toBe(0);
  });

  it('fails naming file:line, table and owner when a lib queries a foreign table', () => {
    write(root, 'libs/api/worklist/src/lib/board.ts', 'const a = 1;\nm.query(`SELECT p.mrn\n  FROM patient p`);\n');
    const r = check(root);
    expect(r.status).toBe(1);
    expect(r.out).toContain(
      'libs/api/worklist/src/lib/board.ts:3: SQL names table "patient", owned by libs/api/records',
    );
  });

  it('counts a write through a published view as foreign', () => {
    write(root, 'libs/api/worklist/src/lib/board.ts', 'm.query("UPDATE records_patients SET id = $1");');
    expect(check(root).out).toContain('SQL names table "records_patients", owned by libs/api/records');
  });

  it('follows a hand-over recorded by the receiving lib, and refuses one made by anyone else', () => {
    write(
      root,
      'libs/api/worklist/src/lib/migrations/3-take.ts',
      "q.query(`COMMENT ON TABLE patient IS 'owner: libs/api/worklist'`);",
    );
    const taken = check(root);
    expect(taken.status).toBe(1);
    expect(taken.out).toContain(
      'libs/api/records/src/lib/patients.ts:1: SQL names table "patient", owned by libs/api/worklist',
    );
    write(
      root,
      'libs/api/worklist/src/lib/migrations/3-take.ts',
      "q.query(`COMMENT ON TABLE patient IS 'owner: libs/api/records'`);",
    );
    expect(check(root).out).toContain('patient: libs/api/worklist cannot hand it to libs/api/records');
  });

  it('ignores specs and migrations', () => {
    write(root, 'libs/api/worklist/src/lib/board.spec.ts', "m.query('SELECT * FROM patient');");
    write(
      root,
      'libs/api/worklist/src/lib/migrations/3-fk.ts',
      "q.query('ALTER TABLE chart_lease ADD FOREIGN KEY (id) REFERENCES patient (id)');",
    );
    expect(check(root).status).toBe(0);
  });

  it('passes on the real tree', () => {
    const r = check(repo);
    expect(r.out).toMatch(/table ownership: ok \(\d+ tables\/views, [0-3] allowlisted\)/);
    expect(r.status).toBe(0);
  });
});
