import { type KeyObject, createPublicKey, sign, verify } from 'node:crypto';
import type { AuditCheckpointExport, AuditStreamHead } from '@chartdesk/contracts';
import { type AuditSigningKey, keyIdOf } from './signing-key';

export const CHECKPOINT_FORMAT = 'chartdesk-audit-checkpoint/1';

export interface CheckpointContent {
  readonly createdAt: string;
  readonly eventCount: string;
  readonly heads: readonly AuditStreamHead[];
}

/** The exact text that is signed: fixed key order, heads by stream. */
export function checkpointPayload(content: CheckpointContent): string {
  const heads = [...content.heads]
    .sort((a, b) => a.stream - b.stream)
    .map((h) => ({ stream: h.stream, seq: h.seq, hash: h.hash, lastEventId: h.lastEventId }));
  return JSON.stringify({
    format: CHECKPOINT_FORMAT,
    createdAt: content.createdAt,
    eventCount: content.eventCount,
    heads,
  });
}

export function signCheckpoint(
  content: CheckpointContent,
  key: AuditSigningKey,
): { payload: string; signature: Buffer } {
  const payload = checkpointPayload(content);
  return { payload, signature: sign(null, Buffer.from(payload, 'utf8'), key.privateKey) };
}

/** Reads a payload back; throws when it is not one this version wrote. */
export function parseCheckpointPayload(payload: string): CheckpointContent {
  const parsed = JSON.parse(payload) as Partial<CheckpointContent> & { format?: unknown };
  if (parsed.format !== CHECKPOINT_FORMAT || !Array.isArray(parsed.heads)) throw new Error('not a checkpoint payload');
  if (typeof parsed.createdAt !== 'string' || typeof parsed.eventCount !== 'string') {
    throw new Error('not a checkpoint payload');
  }
  for (const h of parsed.heads) {
    if (
      !Number.isInteger(h.stream) ||
      !/^\d+$/.test(h.seq) ||
      !/^[0-9a-f]{64}$/.test(h.hash) ||
      (h.lastEventId !== null && !/^\d+$/.test(String(h.lastEventId)))
    ) {
      throw new Error('not a checkpoint payload');
    }
  }
  return { createdAt: parsed.createdAt, eventCount: parsed.eventCount, heads: parsed.heads };
}

/** True when `signature` is the trusted key's signature over exactly this content. */
export function checkpointSignatureValid(content: CheckpointContent, signature: Buffer, trusted: KeyObject): boolean {
  try {
    return verify(null, Buffer.from(checkpointPayload(content), 'utf8'), trusted, signature);
  } catch {
    return false;
  }
}

/** The small file compliance keeps outside the database. */
export function toCheckpointExport(
  id: string,
  content: CheckpointContent,
  signature: Buffer,
  key: Pick<AuditSigningKey, 'keyId' | 'publicKeyPem'>,
): AuditCheckpointExport {
  return {
    format: CHECKPOINT_FORMAT,
    id,
    createdAt: content.createdAt,
    eventCount: content.eventCount,
    heads: content.heads,
    keyId: key.keyId,
    publicKey: key.publicKeyPem,
    signature: signature.toString('base64'),
  };
}

/** Parses an exported file. The signature is checked later against the trusted key, not the file's own. */
export function parseCheckpointExport(text: string): {
  id: string;
  content: CheckpointContent;
  signature: Buffer;
  keyId: string;
} {
  const file = JSON.parse(text) as Partial<AuditCheckpointExport>;
  if (file.format !== CHECKPOINT_FORMAT || typeof file.signature !== 'string' || typeof file.keyId !== 'string') {
    throw new Error('not a ChartDesk audit checkpoint file');
  }
  const content = parseCheckpointPayload(
    JSON.stringify({ format: file.format, createdAt: file.createdAt, eventCount: file.eventCount, heads: file.heads }),
  );
  if (typeof file.publicKey === 'string' && keyIdOf(createPublicKey(file.publicKey)) !== file.keyId) {
    throw new Error('checkpoint file: keyId does not match its public key');
  }
  return {
    id: String(file.id ?? 'file'),
    content,
    signature: Buffer.from(file.signature, 'base64'),
    keyId: file.keyId,
  };
}
