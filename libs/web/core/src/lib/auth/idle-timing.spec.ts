import { idleState, idleWarningSeconds } from './idle-timing';

describe('idle timing', () => {
  it('warns at 13 minutes of a 15-minute limit and signs out at 15', () => {
    expect(idleWarningSeconds(900)).toBe(120);
    expect(idleState(12 * 60_000, 900)).toEqual({ kind: 'active' });
    expect(idleState(13 * 60_000, 900)).toEqual({ kind: 'warning', secondsLeft: 120 });
    expect(idleState(15 * 60_000, 900)).toEqual({ kind: 'expired' });
  });

  it('scales the warning down for short test limits', () => {
    expect(idleWarningSeconds(40)).toBe(10);
    expect(idleState(31_000, 40)).toEqual({ kind: 'warning', secondsLeft: 9 });
  });
});
