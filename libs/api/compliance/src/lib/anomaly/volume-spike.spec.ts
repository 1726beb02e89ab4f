import { isVolumeSpike } from './volume-spike';

const p = { factor: 3, minChartsPerHour: 10 };
const v = (charts: number, baselinePerHour: number) => ({ userId: 'u', hour: 'h', charts, baselinePerHour });

describe('isVolumeSpike', () => {
  it('fires above N× the baseline', () => {
    expect(isVolumeSpike(v(40, 6), p)).toBe(true);
  });
  it('does not fire at or below N× the baseline', () => {
    expect(isVolumeSpike(v(18, 6), p)).toBe(false);
  });
  it('does not fire for a quiet hour even against a tiny baseline', () => {
    expect(isVolumeSpike(v(5, 0.5), p)).toBe(false);
  });
  it('fires for a busy hour when there is no history yet', () => {
    expect(isVolumeSpike(v(12, 0), p)).toBe(true);
  });
});
