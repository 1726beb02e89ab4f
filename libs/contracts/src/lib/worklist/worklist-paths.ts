/** Worklist route paths (under /api), shared by the API controllers and the web client. */
export const WorklistPaths = {
  queue: 'worklist/queue',
  next: 'worklist/next',
  board: 'worklist/board',
  assignments: 'worklist/assignments',
  unassignments: 'worklist/unassignments',
  distribute: 'worklist/distribute',
  teamSettings: 'worklist/team-settings',
  openQueries: 'worklist/queries',
  answerQuery: 'worklist/queries/:queryId/answer',
  workspace: 'worklist/charts/:id/workspace',
  lease: 'worklist/charts/:id/lease',
  breakLease: 'worklist/charts/:id/lease/break',
  codes: 'worklist/charts/:id/codes',
  editData: 'worklist/charts/:id/edit-data',
  submit: 'worklist/charts/:id/submit',
  queries: 'worklist/charts/:id/queries',
  returnChart: 'worklist/charts/:id/return',
  complete: 'worklist/charts/:id/complete',
} as const;

/** Fills `:name` segments, e.g. `worklistPath(WorklistPaths.codes, { id })`. */
export function worklistPath(path: string, params: Readonly<Record<string, string>>): string {
  return path.replace(/:([a-zA-Z]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}
