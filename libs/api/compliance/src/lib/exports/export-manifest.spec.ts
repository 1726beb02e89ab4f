import { createHash, generateKeyPairSync } from 'node:crypto';
import { EXPORT_MANIFEST_FORMAT, type ExportManifestBody } from '@chartdesk/contracts';
import { canonicalJson } from './canonical-json';
import { signManifest, verifyManifest } from './export-manifest';

function key() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const keyId = createHash('sha256')
    .update(publicKey.export({ type: 'spki', format: 'der' }))
    .digest('hex');
  return { privateKey, publicKeyPem: publicKey.export({ type: 'spki', format: 'pem' }).toString(), keyId };
}

const body: ExportManifestBody = {
  format: EXPORT_MANIFEST_FORMAT,
  exportId: '00000000-0000-4000-8000-000000000001',
  report: 'denials',
  fileFormat: 'csv',
  filters: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' },
  createdAt: '2026-11-02T00:00:01.000Z',
  exportedBy: '00000000-0000-4000-8000-000000000002',
  rowCount: 2,
  byteLength: 100,
  sha256: 'a'.repeat(64),
  timeRange: { from: '2026-11-01T00:00:00.000Z', to: '2026-11-02T00:00:00.000Z' },
  eventIdRange: { first: '1', last: '9' },
  chainPosition: [{ stream: 0, seq: '5', hash: 'b'.repeat(64), lastEventId: '9' }],
  checkpoint: null,
  part2Notice: false,
};
const facts = { sha256: 'a'.repeat(64), byteLength: 100, rowCount: 2 };

describe('export manifest', () => {
  const k = key();
  const manifest = signManifest(body, k);

  it('verifies against the trusted key and matching file facts', () => {
    const result = verifyManifest(manifest, facts, { keyId: k.keyId, source: 'test' });
    expect(result.checks.filter((c) => !c.ok)).toEqual([]);
    expect(result.ok).toBe(true);
  });

  it('fails when the file changed, a row went missing, or the manifest was edited', () => {
    expect(verifyManifest(manifest, { ...facts, sha256: 'c'.repeat(64) }, { keyId: k.keyId, source: 't' }).ok).toBe(
      false,
    );
    expect(verifyManifest(manifest, { ...facts, rowCount: 1 }, { keyId: k.keyId, source: 't' }).ok).toBe(false);
    const edited = { ...manifest, rowCount: 1 };
    const r = verifyManifest(edited, { ...facts, rowCount: 1 }, { keyId: k.keyId, source: 't' });
    expect(r.checks.find((c) => c.check === 'SIGNATURE')?.ok).toBe(false);
  });

  it('fails a manifest re-signed with another key', () => {
    const other = key();
    const forged = signManifest(body, other);
    const r = verifyManifest(forged, facts, { keyId: k.keyId, source: 'test' });
    expect(r.checks.find((c) => c.check === 'SIGNATURE')?.ok).toBe(true);
    expect(r.checks.find((c) => c.check === 'KEY')?.ok).toBe(false);
    expect(r.ok).toBe(false);
  });

  it('signs canonical JSON, so key order in the file does not matter', () => {
    expect(canonicalJson({ b: 1, a: { d: [1, { f: 2, e: 3 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[1,{"e":3,"f":2}]},"b":1}',
    );
  });
});
