import { seedDemoCodeSets } from '@chartdesk/api-codesets';
import { seedDemoQuality } from '@chartdesk/api-quality';
import { seedDemoRecords } from '@chartdesk/api-records';
import {
  type CoderScorecard,
  QualityPaths,
  type ReviewListResponse,
  type ReviewWorksheet,
  qualityPath,
} from '@chartdesk/contracts';
import { DataSource } from 'typeorm';
import { type TestUser, createTeam, createUser } from '../../support/auth';
import { type TestDatabase, createTestDatabase } from '../../support/test-database';
import { type TestApp, createTestApp } from '../../support/test-app';
import { call } from './quality-fixtures';

/**
 * The quality demo step on a database of its own, after the records step and
 * with the assigned charts ASSIGNED as the worklist step leaves them: the
 * supervisor finds sampled charts from the demo coders, completes a review,
 * and the coder's scorecard changes.
 */
describe('demo quality seed step', () => {
  let db: TestDatabase;
  let t: TestApp;
  let supervisor: TestUser;
  let coder: TestUser;
  let summary: string;

  beforeAll(async () => {
    db = await createTestDatabase('chartdesk_quality_demo');
    t = await createTestApp(db.url ? { DATABASE_URL: db.url } : {});
    const ds = t.app.get(DataSource);
    await seedDemoCodeSets(ds);
    const team = await createTeam(t.app, 'Demo quality team');
    supervisor = await createUser(t.app, {
      role: 'SUPERVISOR',
      teamId: team,
      clearances: ['BEHAVIORAL_HEALTH', 'SUBSTANCE_USE_PART2', 'HIV_STI', 'REPRODUCTIVE', 'GENETIC', 'VIP', 'EMPLOYEE'],
      part2TrainingDate: '2026-01-15',
    });
    coder = await createUser(t.app, { role: 'CODER', teamId: team, specialties: ['INPATIENT', 'OUTPATIENT'] });
    const context: Record<string, unknown> = {};
    await seedDemoRecords(ds, context, t.config);
    await ds.query(
      `UPDATE encounter SET coding_status = 'ASSIGNED' WHERE id IN (SELECT encounter_id FROM assignment WHERE active)`,
    );
    summary = await seedDemoQuality(ds, context);
  }, 180_000);
  afterAll(async () => {
    await t?.close();
    await db?.drop();
  });

  it('submits two charts per demo coder and draws them all (new coders are sampled at 100 %)', async () => {
    expect(summary).toBe('2 demo charts submitted, 2 drawn for review');
    const list = await call<ReviewListResponse>(t.app, supervisor, 'GET', QualityPaths.reviews);
    expect(list.body.reviews).toHaveLength(2);
    expect(list.body.reviews.every((r) => r.coderId === coder.user.id && r.status === 'IN_REVIEW')).toBe(true);
  });

  it('the supervisor completes a review of the slipped chart and the coder scorecard changes', async () => {
    const before = await call<CoderScorecard>(t.app, coder, 'GET', QualityPaths.myScorecard);
    expect(before.body.reviewsClosed).toBe(0);
    expect(before.body.chartsSubmitted).toBe(2);
    const list = await call<ReviewListResponse>(t.app, supervisor, 'GET', QualityPaths.reviews);
    let slipped: ReviewWorksheet | null = null;
    for (const r of list.body.reviews) {
      const ws = await call<ReviewWorksheet>(t.app, supervisor, 'GET', qualityPath(QualityPaths.review, { id: r.id }));
      if (ws.body.submittedCodes.diagnoses.length >= 2) slipped = ws.body;
    }
    if (!slipped) throw new Error('no reviewable demo chart');
    // The auditor restores the answer key's order: the slip was a swapped principal diagnosis.
    const [first, second, ...rest] = slipped.submittedCodes.diagnoses;
    const corrected = await call<ReviewWorksheet>(
      t.app,
      supervisor,
      'PUT',
      qualityPath(QualityPaths.reviewCorrection, { id: slipped.id }),
      {
        expectedVersion: slipped.version,
        diagnoses: [{ ...second, sequence: 1 }, { ...first, sequence: 2 }, ...rest],
        procedures: slipped.submittedCodes.procedures,
      },
    );
    expect(corrected.body.differences.map((d) => d.kind)).toEqual(['PRINCIPAL_CHANGED']);
    const sent = await call<ReviewWorksheet>(
      t.app,
      supervisor,
      'POST',
      qualityPath(QualityPaths.reviewSend, { id: slipped.id }),
      {
        expectedVersion: corrected.body.version,
        reasons: [],
      },
    );
    const finding = sent.body.findingsDetail[0];
    const acked = await call<ReviewWorksheet>(
      t.app,
      coder,
      'POST',
      qualityPath(QualityPaths.findingResponse, { id: slipped.id, findingId: finding?.id ?? '' }),
      { response: 'ACKNOWLEDGED', comment: '' },
    );
    expect(acked.body.status).toBe('AWAITING_SUPERVISOR');
    const closed = await call<ReviewWorksheet>(
      t.app,
      supervisor,
      'POST',
      qualityPath(QualityPaths.reviewClose, { id: slipped.id }),
      {
        expectedVersion: acked.body.version,
        outcome: 'COMPLETED',
      },
    );
    expect(closed.status).toBe(200);
    const after = await call<CoderScorecard>(t.app, coder, 'GET', QualityPaths.myScorecard);
    expect(after.body.reviewsClosed).toBe(1);
    expect(after.body.diagnosisAccuracy).toBeLessThan(1);
    expect(after.body.passRate).toBe(0);
  });
});
