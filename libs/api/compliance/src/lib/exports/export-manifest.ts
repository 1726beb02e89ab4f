import { type KeyObject, createHash, createPublicKey, sign, verify } from 'node:crypto';
import {
  EXPORT_MANIFEST_FORMAT,
  type ExportCheck,
  type ExportFormat,
  type ExportManifest,
  type ExportManifestBody,
  type ExportVerification,
} from '@chartdesk/contracts';
import { canonicalJson } from './canonical-json';

export interface ManifestSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKeyPem: string;
  readonly keyId: string;
}

/** Lines in the file that are not data rows: the CSV header and the Part 2 notice line. */
export function nonDataLines(format: ExportFormat, part2Notice: boolean): number {
  return (format === 'csv' ? 1 : 0) + (part2Notice ? 1 : 0);
}

export function signManifest(body: ExportManifestBody, key: ManifestSigningKey): ExportManifest {
  const signature = sign(null, Buffer.from(canonicalJson(body), 'utf8'), key.privateKey);
  return { ...body, keyId: key.keyId, publicKey: key.publicKeyPem, signature: signature.toString('base64') };
}

/** The signed part of a manifest: everything but the key and signature fields. */
export function manifestBody(manifest: ExportManifest): ExportManifestBody {
  const { keyId: _k, publicKey: _p, signature: _s, ...body } = manifest;
  return body;
}

function keyIdOfPem(pem: string): string {
  return createHash('sha256')
    .update(createPublicKey(pem).export({ type: 'spki', format: 'der' }))
    .digest('hex');
}

export interface FileFacts {
  readonly sha256: string;
  readonly byteLength: number;
  readonly rowCount: number;
}

/**
 * Checks a manifest's signature and that the file matches it. With a trusted
 * key (the checkpoint file's, or the app's own), the manifest must be signed
 * by that key; without one, the check says so and fails.
 */
export function verifyManifest(
  manifest: ExportManifest,
  file: FileFacts,
  trusted: { keyId: string; source: string } | null,
): ExportVerification {
  const checks: { check: ExportCheck; ok: boolean; message: string }[] = [];
  const add = (check: ExportCheck, ok: boolean, message: string): void => void checks.push({ check, ok, message });
  let signatureOk = false;
  try {
    signatureOk =
      manifest.format === EXPORT_MANIFEST_FORMAT &&
      verify(
        null,
        Buffer.from(canonicalJson(manifestBody(manifest)), 'utf8'),
        createPublicKey(manifest.publicKey),
        Buffer.from(manifest.signature, 'base64'),
      );
  } catch {
    signatureOk = false;
  }
  add(
    'SIGNATURE',
    signatureOk,
    signatureOk ? 'The manifest signature is valid.' : 'The manifest signature is NOT valid.',
  );
  let keyOk = false;
  let keyMessage: string;
  try {
    const embedded = keyIdOfPem(manifest.publicKey);
    if (embedded !== manifest.keyId) keyMessage = 'The manifest key id does not match its public key.';
    else if (!trusted) keyMessage = `Signed by key ${embedded.slice(0, 16)}…, but no trusted key was given to compare.`;
    else {
      keyOk = trusted.keyId === embedded;
      keyMessage = keyOk
        ? `Signed by the trusted audit key (${trusted.source}).`
        : `Signed by key ${embedded.slice(0, 16)}…, which is not the trusted audit key (${trusted.source}).`;
    }
  } catch {
    keyMessage = 'The manifest public key is not readable.';
  }
  add('KEY', keyOk, keyMessage);
  add(
    'SHA256',
    file.sha256 === manifest.sha256,
    file.sha256 === manifest.sha256 ? 'The file hash matches.' : 'The file hash does NOT match: the file was changed.',
  );
  add(
    'BYTE_LENGTH',
    file.byteLength === manifest.byteLength,
    `The file has ${file.byteLength} bytes; the manifest says ${manifest.byteLength}.`,
  );
  add(
    'ROW_COUNT',
    file.rowCount === manifest.rowCount,
    `The file has ${file.rowCount} rows; the manifest says ${manifest.rowCount}.`,
  );
  return { ok: checks.every((c) => c.ok), checks };
}
