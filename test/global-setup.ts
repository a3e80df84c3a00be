// Vitest global setup: one fresh, migrated database for the run. Embedded PGlite (in memory) by default;
// with TEST_DATABASE_URL a new database is created on that PostgreSQL server and dropped afterwards.
import type { TestProject } from "vitest/node";
import pg from "pg";
import { startEmbeddedDatabase } from "../lib/db/embedded";
import { migrateDatabase } from "../lib/db/migrate";

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    databaseKind: "embedded" | "server";
  }
}

export default async function setup(project: TestProject) {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    const embedded = await startEmbeddedDatabase({ dataDir: null });
    await migrateDatabase({ databaseUrl: embedded.url });
    project.provide("databaseUrl", embedded.url);
    project.provide("databaseKind", "embedded");
    return async () => embedded.stop();
  }
  const name = `ringback_test_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  await migrateDatabase({ databaseUrl: url.toString() });
  project.provide("databaseUrl", url.toString());
  project.provide("databaseKind", "server");
  return async () => {
    const cleanup = new pg.Client({ connectionString: serverUrl });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
    await cleanup.end();
  };
}
