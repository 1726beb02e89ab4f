import { generateKeyPairSync } from 'node:crypto';
import {
  type CheckpointContent,
  checkpointPayload,
  checkpointSignatureValid,
  parseCheckpointExport,
  signCheckpoint,
  toCheckpointExport,
} from './checkpoint-payload';
import { fromPem } from './signing-key';

const newKey = () =>
  fromPem(generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString());

const content: CheckpointContent = {
  createdAt: '2026-11-24T05:00:00.000Z',
  eventCount: '5',
  heads: [
    { stream: 1, seq: '2', hash: 'b'.repeat(64), lastEventId: '9' },
    { stream: 0, seq: '3', hash: 'a'.repeat(64), lastEventId: '8' },
  ],
};

describe('checkpoint payload and signature', () => {
  it('orders heads by stream, so the signed text does not depend on how they were listed', () => {
    expect(checkpointPayload(content)).toBe(checkpointPayload({ ...content, heads: [...content.heads].reverse() }));
    expect(JSON.parse(checkpointPayload(content)).heads.map((h: { stream: number }) => h.stream)).toEqual([0, 1]);
  });

  it('verifies with the signing key and fails with another key or after any change', () => {
    const key = newKey();
    const { signature } = signCheckpoint(content, key);
    expect(checkpointSignatureValid(content, signature, key.publicKey)).toBe(true);
    expect(checkpointSignatureValid(content, signature, newKey().publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...content, eventCount: '4' }, signature, key.publicKey)).toBe(false);
    const heads = [{ ...content.heads[0], seq: '1' }, content.heads[1]];
    expect(checkpointSignatureValid({ ...content, heads }, signature, key.publicKey)).toBe(false);
  });

  it('round-trips through the exported file', () => {
    const key = newKey();
    const { signature } = signCheckpoint(content, key);
    const file = JSON.stringify(toCheckpointExport('12', content, signature, key));
    const parsed = parseCheckpointExport(file);
    expect(parsed.keyId).toBe(key.keyId);
    expect(checkpointSignatureValid(parsed.content, parsed.signature, key.publicKey)).toBe(true);
  });

  it('refuses a file whose key id does not belong to its public key', () => {
    const key = newKey();
    const { signature } = signCheckpoint(content, key);
    const file = { ...toCheckpointExport('12', content, signature, key), keyId: newKey().keyId };
    expect(() => parseCheckpointExport(JSON.stringify(file))).toThrow(/keyId/);
  });

  it('refuses text that is not a checkpoint', () => {
    expect(() => parseCheckpointExport('{"format":"something else"}')).toThrow();
    const key = newKey();
    const { signature } = signCheckpoint(content, key);
    const bad = { ...toCheckpointExport('1', content, signature, key), heads: [{ stream: 0, seq: 'x', hash: 'zz' }] };
    expect(() => parseCheckpointExport(JSON.stringify(bad))).toThrow();
  });
});
