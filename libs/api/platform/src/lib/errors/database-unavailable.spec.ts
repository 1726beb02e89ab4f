import { isDatabaseUnavailable } from './database-unavailable';

describe('isDatabaseUnavailable', () => {
  it.each([
    ['refused connection', Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' })],
    ['statement timeout', { code: '57014', message: 'canceling statement due to statement timeout' }],
    ['lock timeout', { code: '55P03', message: 'canceling statement due to lock timeout' }],
    ['server shutting down', { code: '57P01' }],
    ['connection failure class', { code: '08006' }],
    ['pool wait', new Error('timeout exceeded when trying to connect')],
    ['stalled server', new Error('Query read timeout')],
    ['lost connection', new Error('Connection terminated unexpectedly')],
    ['TypeORM wrapper', { name: 'QueryFailedError', message: 'x', driverError: { code: '57014' } }],
    ['AggregateError', Object.assign(new AggregateError([{ code: 'ECONNREFUSED' }], ''), {})],
  ])('recognises %s', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['unique violation', { code: '23505' }],
    ['a domain error code', { code: 'NOT_FOUND', message: 'No such chart.' }],
    ['a plain bug', new TypeError('x is undefined')],
    ['nothing', undefined],
  ])('does not mistake %s for an outage', (_, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
