import type { EntityManager } from 'typeorm';

export interface TeamCoderRow {
  id: string;
  display_name: string;
}

/** The team's active coders, by name. */
export async function coderRowsOfTeam(m: EntityManager, teamId: string): Promise<TeamCoderRow[]> {
  return (await m.query(
    `SELECT id, display_name FROM identity_users WHERE team_id = $1 AND role = 'CODER' ORDER BY display_name, id`,
    [teamId],
  )) as TeamCoderRow[];
}

/** The coder, when they are in the team; null otherwise (answered as 404 by callers). */
export async function coderInTeam(m: EntityManager, coderId: string, teamId: string): Promise<TeamCoderRow | null> {
  const [row] = (await m.query(
    `SELECT id, display_name FROM identity_users WHERE id = $1 AND team_id = $2 AND role = 'CODER'`,
    [coderId, teamId],
  )) as TeamCoderRow[];
  return row ?? null;
}
