import { COMPLIANCE_REPORTS } from '@chartdesk/contracts';
import { reportStatement } from './report-sql';

const hostile = "x'); DROP TABLE audit_event; --";
const filters = {
  from: new Date('2026-11-01T00:00:00Z'),
  to: new Date('2026-11-02T00:00:00Z'),
  patientId: hostile,
  userId: hostile,
  outcome: 'denied' as const,
};

describe('reportStatement', () => {
  it.each(COMPLIANCE_REPORTS)('%s binds every value as a parameter, never as SQL text', (report) => {
    const { sql, params } = reportStatement(report, filters, 'desc', { key: hostile, id: hostile }, 100);
    expect(sql).not.toContain('DROP TABLE');
    expect(params).toContain(hostile);
    expect(sql).toMatch(/ORDER BY e\.recorded_at DESC, e\.id DESC\s+LIMIT \$\d+$/);
  });

  it('leads with the indexed predicate of each report', () => {
    expect(reportStatement('patient-access', filters, 'asc', null, 10).sql).toContain('e.patient_id = $3');
    expect(reportStatement('user-activity', filters, 'asc', null, 10).sql).toContain('e.actor_user_id = $3');
    expect(reportStatement('denials', filters, 'asc', null, 10).sql).toContain(`e.outcome = 'denied'`);
    expect(reportStatement('break-glass', filters, 'asc', null, 10).sql).toContain(`e.action = 'BREAK_GLASS_GRANTED'`);
  });

  it('pages forward with a keyset comparison in the sort direction', () => {
    expect(reportStatement('denials', filters, 'asc', { key: 'k', id: '1' }, 10).sql).toContain(
      '(e.recorded_at, e.id) >',
    );
    expect(reportStatement('denials', filters, 'desc', { key: 'k', id: '1' }, 10).sql).toContain(
      '(e.recorded_at, e.id) <',
    );
    expect(reportStatement('denials', filters, 'desc', null, 10).sql).not.toMatch(/OFFSET/i);
  });
});
