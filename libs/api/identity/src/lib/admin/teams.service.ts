import type { TeamSummary } from '@chartdesk/contracts';
import { AuditService } from '@chartdesk/api-audit';
import { type Actor, DomainError, type RequestMeta } from '@chartdesk/api-platform';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { Clock } from '../clock';

const TEAM_SQL = `SELECT t.id, t.name, (SELECT count(*)::int FROM app_user u WHERE u.team_id = t.id) AS member_count FROM team t`;

function toSummary(r: { id: string; name: string; member_count: number }): TeamSummary {
  return { id: r.id, name: r.name, memberCount: r.member_count };
}

/** Teams of coders under a supervisor; names are unique regardless of case. */
@Injectable()
export class TeamsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly clock: Clock,
  ) {}

  async list(): Promise<TeamSummary[]> {
    const rows = (await this.dataSource.query(`${TEAM_SQL} ORDER BY lower(t.name)`)) as Parameters<
      typeof toSummary
    >[0][];
    return rows.map(toSummary);
  }

  async create(actor: Actor, name: string, meta: RequestMeta): Promise<TeamSummary> {
    return this.dataSource.transaction(async (m) => {
      await this.assertNameFree(m, name, null);
      const rows = (await m.query('INSERT INTO team (name) VALUES ($1) RETURNING id', [name.trim()])) as {
        id: string;
      }[];
      const team = await this.load(m, rows[0]?.id ?? '');
      await this.record(m, actor, meta, team.id, 'create', null, { name: team.name });
      return team;
    });
  }

  async rename(actor: Actor, id: string, name: string, meta: RequestMeta): Promise<TeamSummary> {
    return this.dataSource.transaction(async (m) => {
      const before = await this.load(m, id);
      await this.assertNameFree(m, name, id);
      await m.query('UPDATE team SET name = $2, updated_at = $3 WHERE id = $1', [id, name.trim(), this.clock.now()]);
      const after = await this.load(m, id);
      await this.record(m, actor, meta, id, 'rename', { name: before.name }, { name: after.name });
      return after;
    });
  }

  async remove(actor: Actor, id: string, meta: RequestMeta): Promise<void> {
    await this.dataSource.transaction(async (m) => {
      const team = await this.load(m, id);
      if (team.memberCount > 0) {
        throw new DomainError('CONFLICT', 'Move the team’s members to another team before deleting it.', {
          memberCount: team.memberCount,
        });
      }
      await m.query('DELETE FROM team WHERE id = $1', [id]);
      await this.record(m, actor, meta, id, 'delete', { name: team.name }, null);
    });
  }

  private async load(m: EntityManager, id: string): Promise<TeamSummary> {
    const rows = (await m.query(`${TEAM_SQL} WHERE t.id = $1`, [id])) as Parameters<typeof toSummary>[0][];
    if (!rows[0]) throw new DomainError('NOT_FOUND', 'No such team.');
    return toSummary(rows[0]);
  }

  private async assertNameFree(m: EntityManager, name: string, exceptId: string | null): Promise<void> {
    const rows = (await m.query(
      'SELECT id FROM team WHERE lower(name) = lower($1) AND ($2::uuid IS NULL OR id <> $2::uuid)',
      [name.trim(), exceptId],
    )) as unknown[];
    if (rows.length > 0) throw new DomainError('CONFLICT', 'A team with that name already exists.');
  }

  private async record(
    m: EntityManager,
    actor: Actor,
    meta: RequestMeta,
    teamId: string,
    change: string,
    before: Record<string, unknown> | null,
    after: Record<string, unknown> | null,
  ): Promise<void> {
    await this.audit.record(m, {
      action: 'TEAM_CHANGED',
      outcome: 'success',
      outcomeReason: change,
      actor,
      meta,
      resourceType: 'team',
      resourceId: teamId,
      details: { change, before, after },
    });
  }
}
