import type { Actor, RequestMeta } from '@chartdesk/api-platform';
import type { Role, SensitivityLabel } from '@chartdesk/contracts';
import type { EntityManager } from 'typeorm';

export interface ActorRow {
  id: string;
  username: string;
  role: Role;
  team_id: string | null;
  clearances: SensitivityLabel[];
}

/** Work run outside a request (seed, scheduled command) acts as a named user, with no session. */
export function actorOfRow(u: ActorRow): Actor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role,
    sessionId: null as unknown as string,
    teamId: u.team_id,
    clearances: u.clearances,
  };
}

/** The request fields of audit events written outside a request: no address, a fixed agent name. */
export function offlineMeta(agent: string): RequestMeta {
  return { requestId: agent, ip: null as unknown as string, userAgent: agent };
}

export async function activeSupervisor(m: Pick<EntityManager, 'query'>, username: string): Promise<ActorRow | null> {
  const [row] = (await m.query(
    `SELECT id, username, role, team_id, clearances FROM identity_users
      WHERE lower(username) = lower($1) AND role = 'SUPERVISOR' AND status = 'ACTIVE' AND team_id IS NOT NULL`,
    [username],
  )) as ActorRow[];
  return row ?? null;
}
