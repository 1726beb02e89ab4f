import type { AccuracyView, ChartCodes, CodeDifference, CodeGroup, ReviewScore } from '@chartdesk/contracts';
import { reviewedPositions } from './code-diff';

/** A finding as scoring sees it: its group, its weight, and whether it still counts (not overturned). */
export interface ScoredFinding extends Pick<CodeDifference, 'group' | 'weight'> {
  readonly counts: boolean;
}

function accuracy(codes: number, errors: number): AccuracyView {
  // Weighted errors can exceed the positions (a principal change on a one-code chart): floor at 0.
  return { codes, errors, accuracy: codes === 0 ? null : Math.max(0, (codes - errors) / codes) };
}

/**
 * Code-level accuracy, diagnoses and procedures apart: (positions − errors) /
 * positions, errors weighted (a changed principal diagnosis is two). Overturned
 * findings do not count, so deciding a rebuttal and scoring again is the
 * recomputation. A chart passes when every group that has codes reaches the
 * threshold.
 */
export function scoreReview(
  corrected: ChartCodes,
  differences: readonly CodeDifference[],
  findings: readonly ScoredFinding[],
  threshold: number,
): ReviewScore {
  const errorsOf = (group: CodeGroup) =>
    findings.filter((f) => f.group === group && f.counts).reduce((sum, f) => sum + f.weight, 0);
  const diagnosis = accuracy(reviewedPositions('DIAGNOSIS', corrected, differences), errorsOf('DIAGNOSIS'));
  const procedure = accuracy(reviewedPositions('PROCEDURE', corrected, differences), errorsOf('PROCEDURE'));
  const overall = accuracy(diagnosis.codes + procedure.codes, diagnosis.errors + procedure.errors);
  const passed = [diagnosis, procedure].every((g) => g.accuracy === null || g.accuracy >= threshold - 1e-9);
  return { diagnosis, procedure, overall, threshold, passed };
}
