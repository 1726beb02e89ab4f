import { type DenialEvent, detectDenialBursts } from './denial-bursts';

const at = (minute: number): Date => new Date(Date.UTC(2026, 10, 2, 9, minute));
const ev = (id: string, userId: string, minute: number): DenialEvent => ({ id, userId, at: at(minute) });

describe('detectDenialBursts', () => {
  it('fires when N denials fall within M minutes', () => {
    const events = [ev('1', 'u', 0), ev('2', 'u', 3), ev('3', 'u', 6), ev('4', 'u', 9)];
    const bursts = detectDenialBursts(events, 4, 10, at(0));
    expect(bursts).toEqual([{ userId: 'u', eventIds: ['1', '2', '3', '4'], first: at(0), last: at(9) }]);
  });

  it('does not fire when the same denials are spread wider than M minutes', () => {
    const events = [ev('1', 'u', 0), ev('2', 'u', 4), ev('3', 'u', 8), ev('4', 'u', 12)];
    expect(detectDenialBursts(events, 4, 10, at(0))).toEqual([]);
  });

  it('counts each user separately', () => {
    const events = [ev('1', 'a', 0), ev('2', 'b', 1), ev('3', 'a', 2), ev('4', 'b', 3)];
    expect(detectDenialBursts(events, 3, 10, at(0))).toEqual([]);
  });

  it('leaves bursts that completed before `since` to the earlier scan', () => {
    const events = [ev('1', 'u', 0), ev('2', 'u', 1), ev('3', 'u', 2)];
    expect(detectDenialBursts(events, 3, 10, at(5))).toEqual([]);
  });
});
