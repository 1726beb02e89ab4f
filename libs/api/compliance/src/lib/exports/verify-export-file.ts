import { createReadStream, readFileSync } from 'node:fs';
import { createHash, createPublicKey } from 'node:crypto';
import type { ExportManifest, ExportVerification } from '@chartdesk/contracts';
import { ExportDigest } from './export-digest';
import { nonDataLines, verifyManifest } from './export-manifest';

/**
 * The trusted key, from a file compliance keeps: an exported audit checkpoint
 * (JSON with publicKey) or a PEM public key.
 */
export function trustedKeyFromFile(path: string): { keyId: string; source: string } {
  const text = readFileSync(path, 'utf8');
  const pem = text.trimStart().startsWith('{') ? String((JSON.parse(text) as { publicKey?: unknown }).publicKey) : text;
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return { keyId: createHash('sha256').update(der).digest('hex'), source: path };
}

/** Verifies an export file against its manifest without the database: streamed, so any size works. */
export async function verifyExportFile(
  filePath: string,
  manifestPath: string,
  trustedKeyPath?: string,
): Promise<ExportVerification> {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as ExportManifest;
  const digest = new ExportDigest();
  for await (const chunk of createReadStream(filePath)) digest.update(chunk as Buffer);
  const facts = digest.finish();
  const rows = Math.max(0, facts.lines - nonDataLines(manifest.fileFormat, manifest.part2Notice === true));
  return verifyManifest(
    manifest,
    { sha256: facts.sha256, byteLength: facts.byteLength, rowCount: rows },
    trustedKeyPath ? trustedKeyFromFile(trustedKeyPath) : null,
  );
}
