import {
  type AssignmentResponse,
  type BoardResponse,
  type NextChartResponse,
  type Role,
  WorklistPaths,
  worklistPath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createTeam, createUser, createUserPerRole } from '../../support/auth';
import { type TestApp, createTestApp } from '../../support/test-app';
import { createChart } from '../records/records-fixtures';
import { type Method, ROLES_EXCEPT, auditActions, call, statusOf, workerName } from './worklist-fixtures';

const ANY_ID = '00000000-0000-4000-8000-000000000001';

/** Every worklist route and the roles allowed through the permission guard. */
const ROUTES: [Method, string, Role[]][] = [
  ['GET', WorklistPaths.queue, ['CODER']],
  ['POST', WorklistPaths.next, ['CODER']],
  ['GET', WorklistPaths.board, ['SUPERVISOR']],
  ['POST', WorklistPaths.assignments, ['SUPERVISOR']],
  ['POST', WorklistPaths.unassignments, ['SUPERVISOR']],
  ['POST', WorklistPaths.distribute, ['SUPERVISOR']],
  ['PUT', WorklistPaths.teamSettings, ['SUPERVISOR']],
  ['GET', WorklistPaths.openQueries, ['SUPERVISOR']],
  ['POST', worklistPath(WorklistPaths.answerQuery, { queryId: ANY_ID }), ['SUPERVISOR']],
  ['POST', worklistPath(WorklistPaths.workspace, { id: ANY_ID }), ['CODER']],
  ['PUT', worklistPath(WorklistPaths.lease, { id: ANY_ID }), ['CODER']],
  ['DELETE', worklistPath(WorklistPaths.lease, { id: ANY_ID }), ['CODER']],
  ['POST', worklistPath(WorklistPaths.breakLease, { id: ANY_ID }), ['SUPERVISOR']],
  ['PUT', worklistPath(WorklistPaths.codes, { id: ANY_ID }), ['CODER']],
  ['POST', worklistPath(WorklistPaths.editData, { id: ANY_ID }), ['CODER']],
  ['POST', worklistPath(WorklistPaths.submit, { id: ANY_ID }), ['CODER']],
  ['POST', worklistPath(WorklistPaths.queries, { id: ANY_ID }), ['CODER']],
  ['POST', worklistPath(WorklistPaths.returnChart, { id: ANY_ID }), ['SUPERVISOR']],
  ['POST', worklistPath(WorklistPaths.complete, { id: ANY_ID }), ['SUPERVISOR']],
];

describe('worklist assignment, distribution and access (real AppModule)', () => {
  let t: TestApp;
  let roles: Record<Role, TestUser>;
  let teamId: string;
  let supervisor: TestUser;
  let plain: TestUser;
  let cleared: TestUser;
  let inpatientOnly: TestUser;

  beforeAll(async () => {
    t = await createTestApp();
    roles = await createUserPerRole(t.app);
    teamId = await createTeam(t.app);
    supervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId });
    plain = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId,
      specialties: ['OUTPATIENT'],
      displayName: 'A plain',
    });
    cleared = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId,
      specialties: ['OUTPATIENT'],
      clearances: ['HIV_STI'],
      displayName: 'B cleared',
    });
    inpatientOnly = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId,
      specialties: ['INPATIENT'],
      displayName: 'C inp',
    });
  });
  afterAll(async () => {
    await t?.close();
  });

  it.each(ROUTES.flatMap(([method, path, allowed]) => ROLES_EXCEPT(...allowed).map((r) => [r, method, path] as const)))(
    'refuses %s on %s %s with 403',
    async (role, method, path) => {
      const res = await call(t.app, roles[role], method, path, {});
      expect(res.status).toBe(403);
    },
  );

  it('refuses every route without a token', async () => {
    for (const [method, path] of ROUTES) {
      const res = await t.app.inject({ method, url: `/api/${path}` });
      expect(res.statusCode).toBe(401);
    }
  });

  it('assigns in bulk with due date and priority, all or nothing', async () => {
    const a = await createChart(t.app);
    const b = await createChart(t.app);
    const hiv = await createChart(t.app, { documents: [{ labels: ['HIV_STI'] }] });
    const refused = await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [a.encounterId, hiv.encounterId],
      coderId: plain.user.id,
    });
    expect(refused.status).toBe(400);
    expect(await statusOf(t.app, a.encounterId)).toBe('READY');
    const ok = await call<AssignmentResponse>(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [a.encounterId, b.encounterId],
      coderId: plain.user.id,
      dueDate: '2026-12-01',
      priority: 2,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.outcomes.map((o) => o.coderId)).toEqual([plain.user.id, plain.user.id]);
    expect(await statusOf(t.app, a.encounterId)).toBe('ASSIGNED');
    expect(await auditActions(t.app, a.encounterId)).toEqual(['STATUS_CHANGED', 'ASSIGNED']);
    const [row] = (await t.app
      .get(DataSource)
      .query(`SELECT to_char(due_date, 'YYYY-MM-DD') AS due, priority FROM encounter WHERE id = $1`, [
        a.encounterId,
      ])) as {
      due: string;
      priority: number;
    }[];
    expect(row).toEqual({ due: '2026-12-01', priority: 2 });

    // reassign keeps one active assignment; unassign returns the chart to the pool
    const moved = await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [a.encounterId],
      coderId: cleared.user.id,
    });
    expect(moved.status).toBe(200);
    const active = (await t.app
      .get(DataSource)
      .query('SELECT coder_id FROM assignment WHERE encounter_id = $1 AND active', [a.encounterId])) as unknown[];
    expect(active).toEqual([{ coder_id: cleared.user.id }]);
    expect(
      (await call(t.app, supervisor, 'POST', WorklistPaths.unassignments, { encounterIds: [a.encounterId] })).status,
    ).toBe(200);
    expect(await statusOf(t.app, a.encounterId)).toBe('READY');
    // a pool chart is not team work: unassigning it is refused like any chart out of reach
    const again = await call(t.app, supervisor, 'POST', WorklistPaths.unassignments, { encounterIds: [a.encounterId] });
    expect(again.status).toBe(404);
  });

  it('refuses a coder of another team and a chart of another team', async () => {
    const otherTeam = await createTeam(t.app);
    const stranger = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId: otherTeam,
      specialties: ['OUTPATIENT'],
    });
    const otherSupervisor = await createUser(t.app, { role: 'SUPERVISOR', teamId: otherTeam });
    const chart = await createChart(t.app);
    const res = await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: stranger.user.id,
    });
    expect(res.status).toBe(400);
    await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: plain.user.id,
    });
    const steal = await call(t.app, otherSupervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: stranger.user.id,
    });
    expect(steal.status).toBe(404);
    expect(await auditActions(t.app, chart.encounterId)).toContain('ACCESS_DENIED');
  });

  it('never assigns the patient to themselves', async () => {
    const chart = await createChart(t.app);
    const related = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId,
      specialties: ['OUTPATIENT'],
      linkedPatientIds: [chart.patientId],
      displayName: 'Z related',
    });
    const res = await call(t.app, supervisor, 'POST', WorklistPaths.assignments, {
      encounterIds: [chart.encounterId],
      coderId: related.user.id,
    });
    expect(res.status).toBe(400);
    const dist = await call<AssignmentResponse>(t.app, supervisor, 'POST', WorklistPaths.distribute, {
      encounterIds: [chart.encounterId],
    });
    expect(dist.body.outcomes[0]?.coderId).not.toBe(related.user.id);
    await t.app.get(DataSource).query(`UPDATE app_user SET status = 'DISABLED' WHERE id = $1`, [related.user.id]);
  });

  it('distributes the pool round-robin by specialty and clearance, shown on the board', async () => {
    const open = [await createChart(t.app), await createChart(t.app), await createChart(t.app)];
    const hiv = await createChart(t.app, { documents: [{ labels: ['HIV_STI'] }] });
    const ids = [...open, hiv].map((c) => c.encounterId);
    const board = await call<BoardResponse>(t.app, supervisor, 'GET', `${WorklistPaths.board}?label=HIV_STI`);
    expect(board.body.pool.map((p) => p.encounterId)).toContain(hiv.encounterId);
    expect(board.body.pool.every((p) => p.labels.includes('HIV_STI'))).toBe(true);
    const before = new Map(board.body.coders.map((c) => [c.coderId, c.openItems]));

    const res = await call<AssignmentResponse>(t.app, supervisor, 'POST', WorklistPaths.distribute, {
      encounterIds: ids,
    });
    expect(res.status).toBe(200);
    const byChart = new Map(res.body.outcomes.map((o) => [o.encounterId, o.coderId]));
    expect(byChart.get(hiv.encounterId)).toBe(cleared.user.id);
    const given = open.map((c) => byChart.get(c.encounterId));
    expect(new Set(given)).toEqual(new Set([plain.user.id, cleared.user.id]));
    expect(given).not.toContain(inpatientOnly.user.id);

    const after = await call<BoardResponse>(t.app, supervisor, 'GET', WorklistPaths.board);
    const load = new Map(after.body.coders.map((c) => [c.coderId, c.openItems]));
    const dealt = (id: string) => res.body.outcomes.filter((o) => o.coderId === id).length;
    expect(load.get(plain.user.id)).toBe((before.get(plain.user.id) ?? 0) + dealt(plain.user.id));
    expect(after.body.pool.map((p) => p.encounterId)).not.toContain(hiv.encounterId);
    expect(after.body.teamWork.map((w) => w.encounterId)).toEqual(expect.arrayContaining(ids));
  });

  it('lets coders pull from the pool only when the team allows it', async () => {
    const otherTeam = await createTeam(t.app);
    const sup = await createUser(t.app, { role: 'SUPERVISOR', teamId: otherTeam });
    const puller = await createUser(t.app, {
      role: 'CODER',
      username: workerName(),
      teamId: otherTeam,
      specialties: ['ED'],
    });
    const chart = await createChart(t.app, { type: 'ED' });
    expect((await call<NextChartResponse>(t.app, puller, 'POST', WorklistPaths.next)).body).toEqual({
      encounterId: null,
      source: 'NONE',
    });
    expect(await statusOf(t.app, chart.encounterId)).toBe('READY');
    const bad = await call(t.app, sup, 'PUT', WorklistPaths.teamSettings, { allowSelfPull: true, coderCapacity: 0 });
    expect(bad.status).toBe(400);
    expect(
      (await call(t.app, sup, 'PUT', WorklistPaths.teamSettings, { allowSelfPull: true, coderCapacity: 5 })).status,
    ).toBe(200);
    const pulled = await call<NextChartResponse>(t.app, puller, 'POST', WorklistPaths.next);
    expect(pulled.body.source).toBe('PULLED');
    expect(await statusOf(t.app, pulled.body.encounterId ?? '')).toBe('ASSIGNED');
  });
});
