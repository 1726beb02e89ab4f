#!/usr/bin/env node
// Table ownership check (DESIGN.md "Table ownership", issue 13).
//
// Every table and view belongs to the lib whose migration creates it. A lib's own
// source may name only its own tables in SQL; anything else it reaches through the
// owner's exported functions or the owner's published read-model views. This script
// maps table/view -> owning lib from the migrations, then scans the SQL text in every
// other source file (string and template literals, found with the TypeScript parser so
// comments and imports never count) and fails naming file:line, table and owner.
//
// Usage: node tools/check-table-ownership.mjs [--root <dir>] [--report]
//   --report  also print the (lib, table) pairs counted, even when nothing is wrong
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { parseArgs } from 'node:util';
import ts from 'typescript';

/**
 * Deliberate exceptions, at most three (the lint step refuses more). Each entry is
 * `<lib>:<table>` with the reason it cannot go through the owner.
 */
export const ALLOWLIST = new Map([
  // Compliance is the audit trail's reader (access reports, anomaly rules, exports): set-based
  // SQL over the partitioned audit_event, index by index. The audit lib (ops engineer's) should
  // publish these as read-model views; until then the reads are allowed here, and only here.
  ['libs/api/compliance:audit_event', 'compliance reports, anomaly rules and exports read the audit trail'],
  // The demo's 30-day access history is bulk-written as a real hash chain (chained-history-writer):
  // it must advance the chain heads the audit writer uses. Demo seed only; belongs in audit later.
  ['libs/api/compliance:audit_chain_head', 'demo history extends the real audit hash chains'],
  // The quality scorecard's active coding time is measured from the coder's own audit events.
  ['libs/api/quality:audit_event', 'scorecard active time from coding audit events'],
]);
const MAX_ALLOWLIST = 3;

/** Where libs live; a lib is a folder with a project.json directly under one of these. */
const LIB_PARENTS = ['libs/api'];
const CREATES =
  /\bCREATE\s+(?:UNLOGGED\s+)?(?:TABLE|(?:OR\s+REPLACE\s+)?(?:MATERIALIZED\s+)?VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?(?![\w.])/gi;
// A later migration may hand a table to the lib that really owns it: the receiving
// lib's migration records `COMMENT ON TABLE t IS 'owner: libs/api/<lib> ...'`.
const HANDOVER = /\bCOMMENT\s+ON\s+TABLE\s+"?([a-z_][a-z0-9_]*)"?\s+IS\s+'owner:\s*([\w/-]+)/gi;
// A table reference: the keyword, then a bare (optionally schema-qualified) name that is
// not a function call (`FROM unnest(`) and not a column of an alias (`FROM e.x` cannot occur,
// but `EXTRACT(EPOCH FROM e.created_at)` can).
const REFERENCES =
  /\b(FROM|JOIN|INTO|UPDATE|REFERENCES|TRUNCATE|TABLE|ONLY)\s+(?:"?public"?\.)?"?([a-z_][a-z0-9_]*)"?(?![\w.(])/gi;

function listFiles(dir) {
  const out = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...listFiles(path));
    else if (name.endsWith('.ts') && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** libs: [{ name: 'records', dir: '<abs>/libs/api/records' }] */
export function findLibs(root) {
  const libs = [];
  for (const parent of LIB_PARENTS) {
    let names = [];
    try {
      names = readdirSync(join(root, parent));
    } catch {
      continue;
    }
    for (const name of names) {
      const dir = join(root, parent, name);
      try {
        if (statSync(join(dir, 'project.json')).isFile()) libs.push({ name: `${parent}/${name}`, dir });
      } catch {
        // not a project folder
      }
    }
  }
  return libs;
}

const isMigration = (path) => path.split(sep).includes('migrations');
const isSpec = (path) => /\.(spec|int-spec|test)\.ts$/.test(path);

/** Every string the file could send as SQL: literal text, template heads and spans, with line numbers. */
function sqlFragments(path, text) {
  const source = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const fragments = [];
  const visit = (node) => {
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) {
      fragments.push({ text: node.text, start: node.getStart(source) + 1 });
    } else if (ts.isTemplateExpression(node)) {
      fragments.push({ text: node.head.text, start: node.head.getStart(source) + 1 });
      for (const span of node.templateSpans)
        fragments.push({ text: span.literal.text, start: span.literal.getStart(source) + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return fragments.map((f) => ({
    ...f,
    lineOf: (offset) => source.getLineAndCharacterOfPosition(f.start + offset).line + 1,
  }));
}

/** table or view name -> owning lib name, from CREATE statements in each lib's migrations. */
export function ownershipMap(root, libs = findLibs(root)) {
  const owners = new Map();
  const conflicts = [];
  const handovers = [];
  const views = new Set();
  for (const lib of libs) {
    for (const file of listFiles(lib.dir).filter(isMigration)) {
      // Migration files are named <timestamp>-<name>.ts; hand-overs apply in that order.
      const timestamp = Number(/(\d{13})-[^/]*$/.exec(file)?.[1] ?? 0);
      for (const fragment of sqlFragments(file, readFileSync(file, 'utf8'))) {
        for (const m of fragment.text.matchAll(CREATES)) {
          const table = m[1].toLowerCase();
          const owner = owners.get(table);
          if (owner && owner !== lib.name) conflicts.push(`${table}: created by ${owner} and ${lib.name}`);
          owners.set(table, lib.name);
          if (/\bVIEW\s/i.test(m[0])) views.add(table);
        }
        for (const m of fragment.text.matchAll(HANDOVER))
          handovers.push({ table: m[1].toLowerCase(), to: m[2], by: lib.name, timestamp });
      }
    }
  }
  for (const h of handovers.sort((a, b) => a.timestamp - b.timestamp)) {
    if (h.to !== h.by)
      conflicts.push(
        `${h.table}: ${h.by} cannot hand it to ${h.to}; the receiving lib's migration records the hand-over`,
      );
    else if (!owners.has(h.table)) conflicts.push(`${h.table}: handed to ${h.to} but never created`);
    else owners.set(h.table, h.to);
  }
  return { owners, views, conflicts };
}

/**
 * Every SQL reference a lib's non-migration, non-spec source makes to a table another
 * lib owns. A view is the owner's published read model: any lib may read it (FROM,
 * JOIN); writing through it, or naming it as a foreign key, still counts.
 */
export function foreignReferences(root, libs = findLibs(root), { owners, views } = ownershipMap(root, libs)) {
  const found = [];
  for (const lib of libs) {
    for (const file of listFiles(lib.dir).filter((f) => !isMigration(f) && !isSpec(f))) {
      for (const fragment of sqlFragments(file, readFileSync(file, 'utf8'))) {
        for (const m of fragment.text.matchAll(REFERENCES)) {
          const table = m[2].toLowerCase();
          const owner = owners.get(table);
          if (!owner || owner === lib.name) continue;
          if (views.has(table) && /^(FROM|JOIN)$/i.test(m[1])) continue;
          found.push({ lib: lib.name, file: relative(root, file), line: fragment.lineOf(m.index), table, owner });
        }
      }
    }
  }
  return found;
}

export function checkTableOwnership(root, allowlist = ALLOWLIST) {
  const libs = findLibs(root);
  const ownership = ownershipMap(root, libs);
  const { owners, conflicts } = ownership;
  const refs = foreignReferences(root, libs, ownership);
  const violations = refs.filter((r) => !allowlist.has(`${r.lib}:${r.table}`));
  const errors = [...conflicts.map((c) => `two owners for ${c}`)];
  if (allowlist.size > MAX_ALLOWLIST)
    errors.push(`the allowlist has ${allowlist.size} entries; at most ${MAX_ALLOWLIST} are allowed`);
  return { owners, refs, violations, errors };
}

function main() {
  const { values } = parseArgs({ options: { root: { type: 'string' }, report: { type: 'boolean', default: false } } });
  const root = values.root ?? new URL('..', import.meta.url).pathname;
  const { owners, refs, violations, errors } = checkTableOwnership(root);
  if (values.report) {
    const pairs = new Map();
    for (const r of refs)
      pairs.set(`${r.lib} -> ${r.table} (${r.owner})`, (pairs.get(`${r.lib} -> ${r.table} (${r.owner})`) ?? 0) + 1);
    const files = new Set(refs.map((r) => `${r.file}`));
    const libPairs = new Set(refs.map((r) => `${r.lib}->${r.owner}`));
    console.log(
      `${owners.size} tables/views owned; ${pairs.size} foreign (lib, table) pairs across ${libPairs.size} lib pairs, ${refs.length} references in ${files.size} files`,
    );
    for (const [pair, n] of [...pairs].sort()) console.log(`  ${pair}: ${n}`);
  }
  for (const v of violations) {
    console.error(
      `${v.file}:${v.line}: SQL names table "${v.table}", owned by ${v.owner}; use ${v.owner}'s exported functions or read-model views`,
    );
  }
  for (const e of errors) console.error(`table ownership: ${e}`);
  if (violations.length || errors.length) {
    console.error(
      `table ownership: ${violations.length} foreign table reference(s), ${errors.length} other problem(s)`,
    );
    process.exit(1);
  }
  console.log(`table ownership: ok (${owners.size} tables/views, ${ALLOWLIST.size} allowlisted)`);
}

if (process.argv[1] && new URL(import.meta.url).pathname === process.argv[1]) main();
