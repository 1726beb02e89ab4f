import { createHash, type KeyObject, sign, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { GENESIS_HASH } from '../chain/chain-hash';

export const ARCHIVE_FORMAT = 'chartdesk-audit-archive/1';

/** One archived event: its canonical text (every column, as the chain hashes it) and its links. */
export interface ArchivedEvent {
  readonly id: string;
  readonly stream: number;
  readonly seq: string;
  readonly canonical: string;
  readonly prev: string;
  readonly hash: string;
}

/** Where a stream enters and leaves the month: what the next month (or the online trail) continues from. */
export interface ArchivedStreamSpan {
  readonly stream: number;
  readonly firstSeq: string;
  readonly entryPrevHash: string;
  readonly lastSeq: string;
  readonly lastHash: string;
}

export interface ArchiveManifest {
  readonly format: typeof ARCHIVE_FORMAT;
  /** YYYY-MM (UTC). */
  readonly month: string;
  readonly file: string;
  readonly sha256: string;
  readonly eventCount: number;
  readonly firstEventId: string | null;
  readonly lastEventId: string | null;
  readonly streams: readonly ArchivedStreamSpan[];
  readonly createdAt: string;
  readonly keyId: string;
}

export interface SignedArchiveManifest {
  readonly manifest: ArchiveManifest;
  /** Base64 Ed25519 signature over JSON.stringify(manifest). */
  readonly signature: string;
  /** SPKI PEM of the signing key, for reference; trust comes from the key the verifier is given. */
  readonly publicKey: string;
}

export const archiveFileName = (month: string): string => `audit-${month}.ndjson.gz`;
export const manifestFileName = (month: string): string => `audit-${month}.manifest.json`;

export function signArchiveManifest(
  manifest: ArchiveManifest,
  privateKey: KeyObject,
  publicKeyPem: string,
): SignedArchiveManifest {
  const signature = sign(null, Buffer.from(JSON.stringify(manifest), 'utf8'), privateKey).toString('base64');
  return { manifest, signature, publicKey: publicKeyPem };
}

export interface ArchiveCheck {
  readonly month: string;
  readonly ok: boolean;
  readonly eventCount: number;
  /** Every problem found, each naming the event or the file. */
  readonly problems: readonly string[];
}

/**
 * Proves one archived month offline, with nothing but the files and the
 * trusted public key: the manifest's signature, the file's SHA-256, and every
 * event's hash recomputed along its stream from the manifest's entry point.
 */
export function verifyArchivedMonth(dir: string, month: string, trusted: KeyObject): ArchiveCheck {
  const problems: string[] = [];
  const signed = JSON.parse(readFileSync(join(dir, manifestFileName(month)), 'utf8')) as SignedArchiveManifest;
  const m = signed.manifest;
  let signatureOk = false;
  try {
    signatureOk = verify(
      null,
      Buffer.from(JSON.stringify(m), 'utf8'),
      trusted,
      Buffer.from(signed.signature, 'base64'),
    );
  } catch {
    signatureOk = false;
  }
  if (!signatureOk) problems.push('the manifest is not signed by the trusted audit key');
  const gz = readFileSync(join(dir, m.file));
  if (createHash('sha256').update(gz).digest('hex') !== m.sha256)
    problems.push(`${m.file} does not match the manifest's SHA-256`);
  const lines = gunzipSync(gz)
    .toString('utf8')
    .split('\n')
    .filter((l) => l !== '');
  if (lines.length !== m.eventCount)
    problems.push(`the file holds ${lines.length} events, the manifest says ${m.eventCount}`);
  const state = new Map(m.streams.map((s) => [s.stream, { seq: BigInt(s.firstSeq) - 1n, prev: s.entryPrevHash }]));
  for (const line of lines) {
    const e = JSON.parse(line) as ArchivedEvent;
    const s = state.get(e.stream);
    if (!s) {
      problems.push(`event ${e.id}: stream ${e.stream} is not in the manifest`);
      continue;
    }
    const expected = s.seq + 1n;
    if (BigInt(e.seq) !== expected) problems.push(`event ${e.id}: position ${e.seq} where ${expected} was due`);
    const hash = createHash('sha256').update(s.prev, 'hex').update(e.canonical, 'utf8').digest('hex');
    if (e.prev !== s.prev) problems.push(`event ${e.id}: does not link to the event before it`);
    if (hash !== e.hash) problems.push(`event ${e.id}: its content no longer matches its hash`);
    s.seq = BigInt(e.seq);
    s.prev = e.hash;
  }
  for (const span of m.streams) {
    const s = state.get(span.stream);
    if (s && (s.seq.toString() !== span.lastSeq || s.prev !== span.lastHash)) {
      problems.push(`stream ${span.stream}: ends at ${s.seq}, the manifest vouched for ${span.lastSeq}`);
    }
  }
  return { month, ok: problems.length === 0, eventCount: lines.length, problems: problems.slice(0, 100) };
}

export const GENESIS_HEX = GENESIS_HASH.toString('hex');
