// Bulk fixtures for the dashboard benchmark, written with SQL straight into the bench database: a separate business
// (so the other scenarios keep their small inbox) with its own owner, L leads spread over 180 days, one missed call
// and one thread per lead, and 3 messages per lead (auto-SMS, customer reply, AI reply). Then ANALYZE.
import { hash } from "@node-rs/argon2";
import pg from "pg";

export type DashboardFixture = { businessId: string; email: string; password: string; leads: number; messages: number };

export async function insertDashboardFixtures(databaseUrl: string, leads: number): Promise<DashboardFixture> {
  const tag = `bd${Date.now().toString(36)}`;
  const businessId = `${tag}_business`;
  const email = `dashboard-${tag}@example.com`;
  const password = "ringback-bench-dashboard";
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    // Bulk rows, as a data import would write them: the metric rollup triggers (where this tree has them) are off for
    // this transaction only, and the rollups are computed for the business in one set-based pass at the end.
    const { rows: rollups } = await client.query<{ present: boolean }>(
      `SELECT to_regproc('metric_backfill') IS NOT NULL AS present`,
    );
    const hasRollups = rollups[0]?.present === true;
    if (hasRollups) await client.query("SET LOCAL session_replication_role = replica");
    await client.query(
      `INSERT INTO "Business" (id, name, timezone, "businessHours", "autoReplyTemplate", "updatedAt")
       SELECT $1, 'Bench Dashboard Co', timezone, "businessHours", "autoReplyTemplate", now() FROM "Business" LIMIT 1`,
      [businessId],
    );
    await client.query(
      `INSERT INTO "User" (id, email, name, "passwordHash", "updatedAt") VALUES ($1, $2, 'Dashboard Owner', $3, now())`,
      [`${tag}_user`, email, await hash(password)],
    );
    await client.query(
      `INSERT INTO "Membership" (id, "userId", "businessId", role, "updatedAt") VALUES ($1, $2, $3, 'owner', now())`,
      [`${tag}_member`, `${tag}_user`, businessId],
    );
    // One row per lead: its creation time, spread deterministically over the last 180 days.
    await client.query(
      `CREATE TEMP TABLE bench_lead ON COMMIT DROP AS
       SELECT g, now() - ((g::bigint * 7919) % (180 * 86400)) * interval '1 second' AS at FROM generate_series(1, $1) g`,
      [leads],
    );
    await client.query(
      `INSERT INTO "Lead" (id, "businessId", phone, name, service, status, source, urgency, "valueCents",
         "contactedAt", "qualifiedAt", "closedAt", "statusChangedAt", "createdAt", "updatedAt")
       SELECT $1 || '_l' || g, $2, '+1646' || lpad(g::text, 7, '0'),
         CASE WHEN g % 3 <> 0 THEN 'Customer ' || g END,
         CASE WHEN g % 4 = 0 THEN 'Water heater' WHEN g % 4 = 1 THEN 'Leak repair' ELSE 'Drain cleaning' END,
         (ARRAY['new','contacted','qualified','won','lost'])[1 + g % 5]::"LeadStatus", 'call', 'normal',
         CASE WHEN g % 5 = 3 THEN 15000 + (g % 50) * 1000 END,
         at + interval '20 seconds', CASE WHEN g % 5 >= 2 THEN at + interval '1 hour' END,
         CASE WHEN g % 5 >= 3 THEN at + interval '2 days' END, at, at, at + interval '1 hour'
       FROM bench_lead`,
      [tag, businessId],
    );
    await client.query(
      `INSERT INTO "Thread" (id, "businessId", "leadId", mode, "autoTextedAt", "firstCustomerReplyAt",
         "lastCustomerMessageAt", "lastMessageAt", "lastMessagePreview", "handedOffAt", "createdAt", "updatedAt")
       SELECT $1 || '_t' || g, $2, $1 || '_l' || g, (ARRAY['auto','ai','human','closed'])[1 + g % 4]::"ThreadMode",
         at + interval '20 seconds', at + interval '3 minutes', at + interval '3 minutes', at + interval '4 minutes',
         'Thanks! What''s the address?', CASE WHEN g % 4 = 2 THEN at + interval '10 minutes' END, at, at + interval '4 minutes'
       FROM bench_lead`,
      [tag, businessId],
    );
    await client.query(
      `INSERT INTO "Call" (id, "businessId", "leadId", "threadId", "callSid", "fromNumber", "toNumber", status,
         "dialStatus", "isMissed", "missReason", "detectedAt", "smsAcceptedAt", "smsDeliveredAt", "createdAt", "updatedAt")
       SELECT $1 || '_c' || g, $2, $1 || '_l' || g, $1 || '_t' || g, 'CA' || md5($1 || g), '+1646' || lpad(g::text, 7, '0'),
         '+15005550006', 'completed', 'no-answer', true, 'no-answer', at + interval '18 seconds',
         at + interval '20 seconds', at + interval '23 seconds', at, at + interval '23 seconds'
       FROM bench_lead`,
      [tag, businessId],
    );
    await client.query(
      `INSERT INTO "Message" (id, "businessId", "threadId", "leadId", direction, "authorKind", purpose, body,
         "fromNumber", "toNumber", status, "createdAt", "updatedAt")
       SELECT $1 || '_m' || g || '_' || k, $2, $1 || '_t' || g, $1 || '_l' || g,
         (CASE WHEN k = 1 THEN 'inbound' ELSE 'outbound' END)::"Direction",
         (ARRAY['system','customer','ai'])[1 + k]::"AuthorKind",
         (ARRAY['auto_reply','inbound','ai_reply'])[1 + k]::"MessagePurpose",
         (ARRAY['Sorry we missed your call! How can we help?', 'My water heater is leaking', 'Thanks! What''s the address?'])[1 + k],
         CASE WHEN k = 1 THEN '+1646' || lpad(g::text, 7, '0') ELSE '+15005550006' END,
         CASE WHEN k = 1 THEN '+15005550006' ELSE '+1646' || lpad(g::text, 7, '0') END,
         (CASE WHEN k = 1 THEN 'received' ELSE 'delivered' END)::"MessageStatus",
         at + k * interval '2 minutes', at + k * interval '2 minutes'
       FROM bench_lead, generate_series(0, 2) k`,
      [tag, businessId],
    );
    if (hasRollups) {
      await client.query("SET LOCAL session_replication_role = origin");
      await client.query(`SELECT metric_backfill($1)`, [businessId]);
    }
    await client.query("COMMIT");
    await client.query(`ANALYZE "Lead", "Thread", "Call", "Message"`);
    if (hasRollups) await client.query(`ANALYZE "MetricFact", "MetricDaily", "MetricDelta"`);
    return { businessId, email, password, leads, messages: leads * 3 };
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
