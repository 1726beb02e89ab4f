import type { TestDatabase } from '../support/test-database';

export default async function globalTeardown(): Promise<void> {
  const db = (globalThis as { __chartdeskTestDb?: TestDatabase }).__chartdeskTestDb;
  await db?.drop();
}
