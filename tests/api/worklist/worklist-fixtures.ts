import { randomBytes } from 'node:crypto';
import {
  type ApiError,
  type ChartCodes,
  type Role,
  type WorkspaceView,
  WorklistPaths,
  apiUrl,
  worklistPath,
} from '@chartdesk/contracts';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DataSource } from 'typeorm';
import { type TestUser, authHeader } from '../../support/auth';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

export interface Reply<T> {
  readonly status: number;
  readonly body: T;
  readonly error: ApiError;
}

/** One call as the given user; the body is parsed whatever the status. */
export async function call<T = unknown>(
  app: NestFastifyApplication,
  user: Pick<TestUser, 'accessToken'>,
  method: Method,
  path: string,
  payload?: object,
): Promise<Reply<T>> {
  const res = await app.inject({ method, url: apiUrl(path), headers: authHeader(user.accessToken), payload });
  const parsed = res.body ? (JSON.parse(res.body) as unknown) : null;
  if (process.env['DEBUG_CALLS'] && res.statusCode >= 400) console.log(method, path, res.statusCode, res.body);
  return { status: res.statusCode, body: parsed as T, error: parsed as ApiError };
}

export const chartPath = (path: string, id: string) => worklistPath(path, { id });

export async function statusOf(app: NestFastifyApplication, encounterId: string): Promise<string> {
  const [row] = (await app
    .get(DataSource)
    .query('SELECT coding_status FROM encounter WHERE id = $1', [encounterId])) as { coding_status: string }[];
  return row?.coding_status ?? 'missing';
}

export async function auditActions(app: NestFastifyApplication, resourceId: string): Promise<string[]> {
  const rows = (await app
    .get(DataSource)
    .query('SELECT action FROM audit_event WHERE resource_id = $1 ORDER BY id', [resourceId])) as {
    action: string;
  }[];
  return rows.map((r) => r.action);
}

export async function openWorkspace(app: NestFastifyApplication, coder: TestUser, encounterId: string) {
  return call<WorkspaceView>(app, coder, 'POST', chartPath(WorklistPaths.workspace, encounterId));
}

/** Outpatient codes with no finding at all on the demo edit data. */
export const CLEAN_CODES: ChartCodes = {
  diagnoses: [
    { sequence: 1, code: 'J189', poa: null },
    { sequence: 2, code: 'I10', poa: null },
  ],
  procedures: [],
};

/** J18 is a category header: NON_BILLABLE_CODE, an ERROR. */
export const ERROR_CODES: ChartCodes = {
  diagnoses: [{ sequence: 1, code: 'J18', poa: null }],
  procedures: [],
};

/** E11 with E10 is an Excludes1 pair: a WARNING. */
export const WARNING_CODES: ChartCodes = {
  diagnoses: [
    { sequence: 1, code: 'E119', poa: null },
    { sequence: 2, code: 'E109', poa: null },
  ],
  procedures: [],
};

export const ROLES_EXCEPT = (...allowed: Role[]): Role[] =>
  (['CODER', 'SUPERVISOR', 'COMPLIANCE', 'ADMIN'] as Role[]).filter((r) => !allowed.includes(r));

/**
 * Coder usernames that do not start with "coder": the identity demo-seed test
 * counts users named coder% on the shared test database.
 */
export const workerName = (): string => `wl-${randomBytes(5).toString('hex')}`;
