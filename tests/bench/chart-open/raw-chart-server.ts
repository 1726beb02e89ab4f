import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { INSERT_AUDIT_EVENT_SQL, auditRowParameters } from '@chartdesk/api-audit';
import { CHART_ACCESS_FACTS_SQL, CHART_CONTENT_SQL } from '@chartdesk/api-records';
import { Pool } from 'pg';

/** The per-request session check of the JWT strategy (SessionService.resolveActor), verbatim. */
export const SESSION_SQL = `SELECT s.id AS session_id, s.user_id, s.last_seen_at, s.absolute_expires_at, s.revoked_at,
              u.username, u.role, u.status, u.team_id, u.clearances
         FROM user_session s JOIN app_user u ON u.id = s.user_id
        WHERE s.id = $1`;

export interface RawServer {
  readonly baseUrl: string;
  close(): Promise<void>;
}

/**
 * The baseline for B1: node:http and pg, no framework, running the same
 * statements as GET /api/charts/:id — session read, then in one transaction
 * the access facts, the content and the audit insert. It trusts the caller
 * (no token check, no policy, no projection): that is the cost being priced.
 * With `audit: false` it runs the identical statements without the audit
 * insert — B2's same-run baseline, so the product needs no switch to turn
 * its audit off.
 */
export async function startRawChartServer(
  url: string,
  poolSize: number,
  who: { userId: string; sessionId: string; port?: number; audit?: boolean },
): Promise<RawServer> {
  const withAudit = who.audit ?? true;
  const pool = new Pool({ connectionString: url, max: poolSize });
  let inFlight = 0;
  const server: Server = createServer((req, res) => {
    const id = /^\/api\/charts\/([0-9a-f-]{36})$/.exec(req.url ?? '')?.[1];
    if (!id) {
      res.writeHead(404).end();
      return;
    }
    inFlight++;
    void (async () => {
      await pool.query(SESSION_SQL, [who.sessionId]);
      const client = await pool.connect();
      try {
        await client.query('START TRANSACTION');
        const facts = await client.query(CHART_ACCESS_FACTS_SQL, [id, who.userId, new Date()]);
        const content = await client.query(CHART_CONTENT_SQL, [id]);
        if (withAudit)
          await client.query(
            INSERT_AUDIT_EVENT_SQL,
            auditRowParameters({
              action: 'CHART_VIEWED',
              outcome: 'success',
              actor: { userId: who.userId, role: 'CODER', sessionId: who.sessionId },
              meta: { requestId: 'raw', ip: '127.0.0.1', userAgent: String(req.headers['user-agent'] ?? '') },
              patientId: facts.rows[0]?.patient_id,
              resourceType: 'Encounter',
              resourceId: id,
              purpose: facts.rows[0]?.assignment_id,
              details: { basis: 'ASSIGNMENT', withheldDocuments: 0 },
            }),
          );
        await client.query('COMMIT');
        res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
        res.end(JSON.stringify(content.rows[0]));
      } catch {
        await client.query('ROLLBACK').catch(() => undefined);
        res.writeHead(500).end();
      } finally {
        client.release();
      }
    })()
      .catch(() => res.writeHead(500).end())
      .finally(() => inFlight--);
  });
  await new Promise<void>((ok) => server.listen(who.port ?? 0, '127.0.0.1', ok));
  const port = (server.address() as AddressInfo).port;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    async close() {
      await new Promise((ok) => server.close(ok));
      while (inFlight > 0) await new Promise((ok) => setTimeout(ok, 10));
      await pool.end();
    },
  };
}
