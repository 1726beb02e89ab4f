import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import type { AuditService } from '@chartdesk/api-audit';
import { DomainError } from '@chartdesk/api-platform';
import type { ImportProblem } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';
import type { ImportRequester } from '../../import/code-set.importer';
import { type VocabularyRow, parseVocabularyFile, vocabularyRelease } from './vocabulary-file';

export interface VocabularyImportSummary {
  readonly release: string;
  readonly outcome: 'imported' | 'unchanged';
  readonly entries: number;
  readonly problems: readonly ImportProblem[];
  readonly problemCount: number;
}

const UPSERT = `
  INSERT INTO search_vocabulary_entry (kind, term, expansion, specialty, release_id)
  SELECT k, t, e, s, $5 FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS u(k, t, e, s)
  ON CONFLICT (kind, term, expansion) DO UPDATE SET release_id = EXCLUDED.release_id, specialty = EXCLUDED.specialty`;

async function write(
  manager: EntityManager,
  release: string,
  sourceName: string,
  sha256: string,
  rows: readonly VocabularyRow[],
): Promise<'imported' | 'unchanged'> {
  await manager.query(`SELECT pg_advisory_xact_lock(hashtext('search_vocabulary_release'))`);
  const [existing] = (await manager.query('SELECT content_sha256 FROM search_vocabulary_release WHERE release = $1', [
    release,
  ])) as { content_sha256: string }[];
  if (existing) {
    if (existing.content_sha256 === sha256) return 'unchanged';
    throw new DomainError('CONFLICT', `Vocabulary release ${release} was already imported from a different file.`);
  }
  const [created] = (await manager.query(
    `INSERT INTO search_vocabulary_release (release, source_name, content_sha256, entry_count)
     VALUES ($1, $2, $3, $4) RETURNING id`,
    [release, sourceName, sha256, rows.length],
  )) as { id: string }[];
  await manager.query(UPSERT, [
    rows.map((r) => r.kind),
    rows.map((r) => r.term),
    rows.map((r) => r.expansion),
    rows.map((r) => r.specialty),
    created.id,
  ]);
  // Entries a later release no longer ships are gone; admin entries (no release) and admin decisions on kept ones stay.
  await manager.query('DELETE FROM search_vocabulary_entry WHERE release_id IS NOT NULL AND release_id <> $1', [
    created.id,
  ]);
  return 'imported';
}

/**
 * Imports one release of ChartDesk's clinical search vocabulary. Idempotent
 * for the same file; the release and its CODESET_IMPORTED audit event commit together.
 */
export async function importSearchVocabulary(
  audit: AuditService,
  path: string,
  requester: ImportRequester,
): Promise<VocabularyImportSummary> {
  const sourceName = basename(path);
  const release = vocabularyRelease(sourceName);
  if (!release) {
    throw new DomainError('VALIDATION', 'A vocabulary file is named clinical_search_vocabulary_<release>.tsv.');
  }
  const content = await readFile(path);
  const sha256 = createHash('sha256').update(content).digest('hex');
  const parsed = parseVocabularyFile(content.toString('utf8'));
  if (parsed.rows.length === 0) throw new DomainError('VALIDATION', 'The vocabulary file holds no valid entries.');
  const outcome = await audit.withAudit(
    (manager) => write(manager, release, sourceName, sha256, parsed.rows),
    (result) => ({
      action: 'CODESET_IMPORTED',
      outcome: 'success',
      actor: requester.actor,
      meta: requester.meta,
      resourceType: 'search_vocabulary_release',
      resourceId: release,
      details: { via: requester.via, file: sourceName, sha256, outcome: result, entries: parsed.rows.length },
    }),
  );
  return {
    release,
    outcome,
    entries: outcome === 'imported' ? parsed.rows.length : 0,
    problems: parsed.problems.problems,
    problemCount: parsed.problems.count,
  };
}
