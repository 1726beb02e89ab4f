import { type CanonicalEventFields, canonicalEventText, chainHash, fromPem } from '@chartdesk/api-audit';
import { AuditCheckpointService } from '@chartdesk/api-audit';
import { generateKeyPairSync, sign } from 'node:crypto';
import { checkpointPayload, toCheckpointExport } from '@chartdesk/api-audit';
import {
  type AuditTestEnv,
  asSuperuserWithoutTriggers,
  busiestStream,
  createAuditTestEnv,
  problemOf,
  recordEvents,
  resetTrail,
} from './audit-test-support';

/**
 * Each kind of tampering, done as an owner or superuser would (triggers off),
 * is found and named by the verifier, with the first event it concerns.
 */
describe('audit trail tamper evidence (real PostgreSQL)', () => {
  let env: AuditTestEnv;
  let checkpoints: AuditCheckpointService;

  beforeAll(async () => {
    env = await createAuditTestEnv();
    checkpoints = env.t.app.get(AuditCheckpointService);
  });
  afterAll(async () => {
    await env?.close();
  });
  beforeEach(async () => {
    await resetTrail(env.ds);
    await recordEvents(env.audit, 60);
  });

  it('verifies an untouched trail, recomputing every hash the trigger wrote', async () => {
    await checkpoints.create();
    const result = await env.verifier.verify({ batchSize: 7 });
    expect(result).toMatchObject({ ok: true, eventsChecked: 60, checkpointsChecked: 1 });
  });

  it('hashes exactly the documented canonical form (canonicalEventText) of every event', async () => {
    const rows = (await env.ds.query(
      `SELECT id::text AS id, to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS "recordedAt",
              stream::text AS stream, seq::text AS seq, action, outcome, outcome_reason AS "outcomeReason",
              actor_user_id::text AS "actorUserId", actor_role AS "actorRole", session_id::text AS "sessionId",
              patient_id::text AS "patientId", resource_type AS "resourceType", resource_id AS "resourceId", purpose,
              ip::text AS ip, user_agent AS "userAgent", request_id AS "requestId", details::text AS details,
              prev_hash, hash
         FROM audit_event e ORDER BY e.id`,
    )) as (CanonicalEventFields & { prev_hash: Buffer; hash: Buffer })[];
    expect(rows).toHaveLength(60);
    for (const row of rows) {
      expect(chainHash(row.prev_hash, canonicalEventText(row)).toString('hex')).toBe(row.hash.toString('hex'));
    }
  });

  it('names an event whose content was changed', async () => {
    const [, second] = await busiestStream(env.ds);
    await asSuperuserWithoutTriggers(env.ds, `UPDATE audit_event SET resource_id = 'other' WHERE id = ${second.id}`);
    expect(problemOf(await env.verifier.verify())).toEqual({ kind: 'CONTENT_CHANGED', eventId: second.id });
  });

  it('names an event whose jsonb details were changed, even only by a number format', async () => {
    const [first] = await busiestStream(env.ds);
    await asSuperuserWithoutTriggers(
      env.ds,
      `UPDATE audit_event SET details = jsonb_set(details, '{nested,ratio}', '1.50') WHERE id = ${first.id}`,
    );
    expect(problemOf(await env.verifier.verify())).toEqual({ kind: 'CONTENT_CHANGED', eventId: first.id });
  });

  it('names the event after one that was removed', async () => {
    const [, second, third] = await busiestStream(env.ds);
    await asSuperuserWithoutTriggers(env.ds, `DELETE FROM audit_event WHERE id = ${second.id}`);
    const result = await env.verifier.verify();
    expect(problemOf(result)).toEqual({ kind: 'EVENT_REMOVED', eventId: third.id });
  });

  it('names events that were put in another order', async () => {
    const [, second, third] = await busiestStream(env.ds);
    await asSuperuserWithoutTriggers(
      env.ds,
      `UPDATE audit_event SET seq = CASE id WHEN ${second.id} THEN ${third.seq} ELSE ${second.seq} END
        WHERE id IN (${second.id}, ${third.id})`,
    );
    expect(problemOf(await env.verifier.verify())).toEqual({ kind: 'EVENTS_REORDERED', eventId: second.id });
  });

  it('names a foreign event slipped into the middle of a stream', async () => {
    const [, second] = await busiestStream(env.ds);
    const [forged] = (await env.ds.query(`SELECT nextval('audit_event_id_seq')::text AS id`)) as { id: string }[];
    await asSuperuserWithoutTriggers(
      env.ds,
      `INSERT INTO audit_event (id, recorded_at, stream, seq, action, outcome, details, prev_hash, hash)
       SELECT ${forged.id}, recorded_at, stream, seq, 'LOGOUT', outcome, '{}', prev_hash, hash
         FROM audit_event WHERE id = ${second.id}`,
    );
    expect(problemOf(await env.verifier.verify())).toEqual({ kind: 'FOREIGN_EVENT', eventId: forged.id });
  });

  it('names a foreign event appended past a stream head', async () => {
    const stream = await busiestStream(env.ds);
    const last = stream[stream.length - 1];
    await asSuperuserWithoutTriggers(
      env.ds,
      `INSERT INTO audit_event (id, recorded_at, stream, seq, action, outcome, details, prev_hash, hash)
       SELECT nextval('audit_event_id_seq'), recorded_at, stream, seq + 1, 'LOGOUT', outcome, '{}', hash, hash
         FROM audit_event WHERE id = ${last.id}`,
    );
    const result = await env.verifier.verify();
    expect(problemOf(result)?.kind).toBe('FOREIGN_EVENT');
  });

  it('catches a truncated tail against a stored checkpoint, and against the exported file once that is deleted too', async () => {
    const file = JSON.stringify(await checkpoints.create());
    const stream = await busiestStream(env.ds);
    const [keep, ...dropped] = stream.slice(-3);
    // A careful attacker deletes the newest events and rewinds the head to match.
    await asSuperuserWithoutTriggers(
      env.ds,
      `DELETE FROM audit_event WHERE id IN (${dropped.map((e) => e.id).join(', ')})`,
      `UPDATE audit_chain_head h SET seq = e.seq, last_hash = e.hash, last_event_id = e.id
         FROM audit_event e WHERE e.id = ${keep.id} AND h.stream = e.stream`,
    );
    const lastDropped = dropped[dropped.length - 1].id;
    expect(problemOf(await env.verifier.verify())).toEqual({ kind: 'TAIL_TRUNCATED', eventId: lastDropped });

    await asSuperuserWithoutTriggers(env.ds, 'DELETE FROM audit_checkpoint');
    expect((await env.verifier.verify()).ok).toBe(true);
    expect(problemOf(await env.verifier.verify({ checkpointFile: file }))).toEqual({
      kind: 'TAIL_TRUNCATED',
      eventId: lastDropped,
    });
  });

  it('catches a chain recomputed after an edit, against the signed checkpoint', async () => {
    await checkpoints.create();
    const [first] = await busiestStream(env.ds);
    // Edit, then recompute the stream's hashes and head exactly as the trigger would.
    await asSuperuserWithoutTriggers(
      env.ds,
      `UPDATE audit_event SET purpose = 'rewritten' WHERE id = ${first.id}`,
      `DO $$ DECLARE e record; prev bytea := decode(repeat('00', 32), 'hex'); BEGIN
         FOR e IN SELECT * FROM audit_event WHERE stream = ${first.stream} ORDER BY seq LOOP
           UPDATE audit_event SET prev_hash = prev, hash = sha256(prev || convert_to(array_to_json(ARRAY[
             e.id::text, to_char(e.recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'), e.stream::text,
             e.seq::text, e.action, e.outcome, e.outcome_reason, e.actor_user_id::text, e.actor_role, e.session_id::text,
             e.patient_id::text, e.resource_type, e.resource_id, e.purpose, e.ip::text, e.user_agent, e.request_id,
             e.details::text])::text, 'UTF8')) WHERE id = e.id RETURNING hash INTO prev;
         END LOOP;
         UPDATE audit_chain_head SET last_hash = prev WHERE stream = ${first.stream};
       END $$`,
    );
    const result = await env.verifier.verify();
    expect(problemOf(result)?.kind).toBe('CONTENT_CHANGED');
    expect(result.ok || result.problem.message).toMatch(/checkpoint/);
  });

  it('reports a stored checkpoint whose payload was altered', async () => {
    const taken = await checkpoints.create();
    await asSuperuserWithoutTriggers(
      env.ds,
      `UPDATE audit_checkpoint SET payload = replace(payload, '"eventCount":"60"', '"eventCount":"61"') WHERE id = ${taken?.id}`,
    );
    const result = await env.verifier.verify();
    expect(result).toMatchObject({ ok: false, problem: { kind: 'BAD_CHECKPOINT_SIGNATURE', checkpointId: taken?.id } });
  });

  it('reports a checkpoint file signed by another key or edited after export', async () => {
    const taken = await checkpoints.create();
    if (!taken) throw new Error('no checkpoint');
    const otherKey = fromPem(
      generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    );
    const forged = toCheckpointExport(
      taken.id,
      taken,
      sign(null, Buffer.from(checkpointPayload(taken)), otherKey.privateKey),
      otherKey,
    );
    const byOtherKey = await env.verifier.verify({ checkpointFile: JSON.stringify(forged) });
    expect(byOtherKey).toMatchObject({
      ok: false,
      problem: { kind: 'BAD_CHECKPOINT_SIGNATURE', checkpointId: 'file' },
    });

    const edited = { ...taken, eventCount: '1' };
    const result = await env.verifier.verify({ checkpointFile: JSON.stringify(edited) });
    expect(result).toMatchObject({ ok: false, problem: { kind: 'BAD_CHECKPOINT_SIGNATURE', checkpointId: 'file' } });
  });
});
