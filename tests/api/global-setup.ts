import { createTestDatabase } from '../support/test-database';

/** One database for the whole integration run (a server database, or PGlite when no server answers). */
export default async function globalSetup(): Promise<void> {
  const db = await createTestDatabase();
  process.env['CHARTDESK_TEST_DB_URL'] = db.url;
  process.env['CHARTDESK_TEST_DB_EMBEDDED'] = db.embedded ? '1' : '';
  process.env['CHARTDESK_TEST_DB_NAME'] = db.name;
  (globalThis as { __chartdeskTestDb?: typeof db }).__chartdeskTestDb = db;
}
