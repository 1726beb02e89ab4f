export interface AccuracyPoint {
  /** ISO date of the week's Monday. */
  readonly week: string;
  readonly reviews: number;
  readonly diagnosisAccuracy: number | null;
  readonly procedureAccuracy: number | null;
  readonly passRate: number;
}

export interface CoderScorecard {
  readonly coderId: string;
  readonly coderName: string;
  readonly from: string;
  readonly to: string;
  readonly reviewsClosed: number;
  readonly diagnosisAccuracy: number | null;
  readonly procedureAccuracy: number | null;
  readonly passRate: number | null;
  readonly accuracyOverTime: readonly AccuracyPoint[];
  readonly chartsSubmitted: number;
  /** From the audit log: workspace open to submit, idle gaps capped. */
  readonly activeCodingHours: number;
  readonly chartsPerHour: number | null;
  /** Assignment to first submission, median hours. */
  readonly medianTurnaroundHours: number | null;
  readonly openAssignments: number;
  readonly reviewsAwaitingResponse: number;
}

export interface BacklogBucket {
  readonly label: string;
  readonly minDays: number;
  readonly maxDays: number | null;
  readonly charts: number;
}

export interface AtRiskChart {
  readonly encounterId: string;
  readonly dueDate: string;
  readonly daysLeft: number;
  readonly status: string;
  readonly coderName: string | null;
}

export interface ThroughputPoint {
  readonly day: string;
  readonly submitted: number;
  readonly completed: number;
}

export interface TeamDashboard {
  readonly teamId: string;
  readonly from: string;
  readonly to: string;
  /** Open (not yet completed) charts by days since discharge or service date: the DNFB backlog. */
  readonly backlogAging: readonly BacklogBucket[];
  readonly atRisk: readonly AtRiskChart[];
  readonly throughput: readonly ThroughputPoint[];
  readonly coders: readonly CoderScorecard[];
  readonly openReviews: number;
}
