// Runs in every test file before its imports: point the app at the run's database and a test configuration.
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-000";
process.env.PUBLIC_BASE_URL ??= "https://ringback.test";
process.env.LOG_LEVEL ??= "silent";
process.env.DATA_DIR ??= path.join(os.tmpdir(), `ringback-test-${process.pid}`);
process.env.AI_ENGAGE_DELAY_SECONDS ??= "1";
// Reconciliation with Twilio reads the Twilio fake for every business in the shared database: a test turns it on.
process.env.TWILIO_RECONCILE_INTERVAL_SECONDS ??= "0";
process.env.ALLOW_PRIVATE_OUTBOUND_URLS ??= "true"; // the push fake and the CRM receiver listen on 127.0.0.1 over http
