import { durationText } from './duration';

describe('durationText', () => {
  it('shows the two largest units', () => {
    expect(durationText(3 * 86_400 + 4 * 3600 + 100)).toBe('3 d 4 h');
    expect(durationText(2 * 3600 + 5 * 60)).toBe('2 h 5 min');
    expect(durationText(125)).toBe('2 min');
    expect(durationText(40)).toBe('40 s');
    expect(durationText(-5)).toBe('0 s');
  });
});
