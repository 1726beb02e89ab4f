/** Quality audit route paths (under /api), shared by the API controllers and the web client. */
export const QualityPaths = {
  samplingRules: 'quality/sampling/rules',
  samplingRuns: 'quality/sampling/runs',
  samplingRun: 'quality/sampling/runs/:id',
  reviews: 'quality/reviews',
  retrospective: 'quality/reviews/retrospective',
  review: 'quality/reviews/:id',
  reviewCorrection: 'quality/reviews/:id/correction',
  reviewSend: 'quality/reviews/:id/send',
  reviewClose: 'quality/reviews/:id/close',
  findingResponse: 'quality/reviews/:id/findings/:findingId/response',
  findingDecision: 'quality/reviews/:id/findings/:findingId/decision',
  myReviews: 'quality/my/reviews',
  myReview: 'quality/my/reviews/:id',
  myScorecard: 'quality/my/scorecard',
  coderScorecard: 'quality/scorecards/coders/:id',
  teamDashboard: 'quality/dashboard/team',
  teamScorecardCsv: 'quality/dashboard/team/scorecards.csv',
} as const;

/** Fills `:name` segments, e.g. `qualityPath(QualityPaths.review, { id })`. */
export function qualityPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
