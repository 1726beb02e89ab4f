export interface HourlyVolume {
  readonly userId: string;
  /** Start of the hour, ISO. */
  readonly hour: string;
  readonly charts: number;
  /** Average charts per active hour over the baseline period; 0 when the user has no history. */
  readonly baselinePerHour: number;
}

export interface SpikeParams {
  readonly factor: number;
  readonly minChartsPerHour: number;
}

/** Above N× the user's own baseline, and busy enough in absolute terms to matter. */
export function isVolumeSpike(v: HourlyVolume, p: SpikeParams): boolean {
  return v.charts >= p.minChartsPerHour && v.charts > p.factor * Math.max(v.baselinePerHour, 1);
}
