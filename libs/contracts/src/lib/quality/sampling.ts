import type { EncounterType } from '../records/record-enums';

/**
 * How a coder's (or a whole team's) submitted charts are sampled for audit.
 * A coder's own rule wins over the team's; without either, DEFAULT_SAMPLING_RULE.
 */
export interface SamplingRule {
  /** A new coder's first N submitted charts are sampled at newCoderRate. */
  readonly newCoderCharts: number;
  /** 0..1; 1 = every chart. */
  readonly newCoderRate: number;
  /** 0..1, after the first N charts. */
  readonly rate: number;
  /** At least this many charts per coder per sampling period, when they submitted that many. */
  readonly minimumPerPeriod: number;
  /** Sample each encounter type separately, so every type is represented in proportion. */
  readonly stratifyByEncounterType: boolean;
  /** 0..1: a reviewed chart passes when each scored accuracy reaches it. */
  readonly passThreshold: number;
}

export const DEFAULT_SAMPLING_RULE: SamplingRule = {
  newCoderCharts: 20,
  newCoderRate: 1,
  rate: 0.05,
  minimumPerPeriod: 1,
  stratifyByEncounterType: true,
  passThreshold: 0.95,
};

export type SamplingRuleScope = 'TEAM' | 'CODER';

export interface SamplingRuleView extends SamplingRule {
  readonly scope: SamplingRuleScope;
  /** The coder's id for a CODER rule, the team's id for the TEAM rule. */
  readonly subjectId: string;
  readonly subjectName: string;
  readonly updatedAt: string | null;
}

/** GET quality/sampling/rules: the team's rule and each coder's effective rule. */
export interface SamplingRulesResponse {
  readonly team: SamplingRuleView;
  readonly coders: readonly (SamplingRuleView & { readonly inherited: boolean })[];
}

/** PUT quality/sampling/rules: set the team's rule, or a coder's (coderId), or clear a coder's (rule null). */
export interface SetSamplingRuleRequest {
  readonly coderId?: string;
  readonly rule: SamplingRule | null;
}

/** The pool a chart was drawn from: NEW_CODER, or an encounter type (or ALL when not stratified). */
export type SampleStratum = 'NEW_CODER' | 'ALL' | EncounterType;

export interface SampleStratumView {
  readonly stratum: SampleStratum;
  readonly population: number;
  readonly selected: number;
}

/** POST quality/sampling/runs: sample the team's charts submitted in [from, to). */
export interface CreateSamplingRunRequest {
  /** ISO timestamps; default: the last 24 hours. */
  readonly from?: string;
  readonly to?: string;
}

export interface SamplingRunCoderView {
  readonly coderId: string;
  readonly coderName: string;
  readonly rule: SamplingRule;
  readonly strata: readonly SampleStratumView[];
}

export interface SamplingRunView {
  readonly id: string;
  readonly createdAt: string;
  readonly from: string;
  readonly to: string;
  /** Hex; with the stored population and rule it reproduces the selection exactly. */
  readonly seed: string;
  readonly coders: readonly SamplingRunCoderView[];
  readonly sampled: number;
  readonly released: number;
  /** Recomputed from the stored seed, strata and population: true when the stored selection matches. */
  readonly reproducible: boolean;
}
