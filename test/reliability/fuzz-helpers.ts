// Shared pieces of the reliability suite: hostile inputs, the "no internals leaked" check, and row counts.
import { db } from "@/lib/db/client";

export const hostileStrings = [
  '\'; DROP TABLE "Lead"; --',
  "<script>alert(1)</script>",
  "\u0000\u0001\u0007\u001b[31m\r\n\t",
  "🙂👨‍👩‍👧‍👦 ٱلسَّلَامُ 𝕳𝖊𝖑𝖑𝖔 \u202e\u200b",
  "555-CALL-NOW",
  "+1 (212) 555-01",
  "+999999999999999999",
  "../../../../etc/passwd",
  "${process.env.AUTH_SECRET}",
  "x".repeat(5_000),
];

export const hostileIds = [
  '\'; DROP TABLE "Thread"; --',
  "<script>x</script>",
  "\u0000",
  "🙂".repeat(40),
  "../../etc/passwd",
  "clxxxxxxxxxxxxxxxxxxxxxxx",
];

const oneMegabyte = "A".repeat(1024 * 1024);

/** `isOverCap`: larger than every route's body cap (64 KB; lib/http/read-body.ts), so refused with 413. */
export type BodyCase = { name: string; contentType?: string; body?: string; isOverCap?: boolean };

/** Bodies every handler is fed: malformed, oversized, wrongly typed, hostile. */
export const bodyCases: BodyCase[] = [
  { name: "no body" },
  { name: "malformed JSON", contentType: "application/json", body: '{"body": "unterminated' },
  {
    name: "1 MB JSON",
    isOverCap: true,
    contentType: "application/json",
    body: JSON.stringify({ body: oneMegabyte, from: oneMegabyte }),
  },
  {
    name: "1 MB form",
    isOverCap: true,
    contentType: "application/x-www-form-urlencoded",
    body: `Body=${oneMegabyte}&From=%2B12125550100`,
  },
  {
    name: "form where JSON is expected",
    contentType: "application/x-www-form-urlencoded",
    body: "body=hello&from=%2B12125550100&email=a%40b.c",
  },
  {
    name: "JSON where form is expected / array",
    contentType: "application/json",
    body: JSON.stringify([1, "two", { three: 3 }]),
  },
  { name: "JSON null", contentType: "application/json", body: "null" },
  {
    name: "hostile JSON fields",
    contentType: "application/json",
    body: JSON.stringify(
      Object.fromEntries(
        [
          "body",
          "from",
          "phone",
          "email",
          "name",
          "password",
          "currentPassword",
          "newPassword",
          "url",
          "endpoint",
          "status",
          "notes",
          "service",
          "address",
          "callerName",
          "autoReplyTemplate",
          "timezone",
          "forwardTo",
          "role",
        ].map((key, index) => [key, hostileStrings[index % hostileStrings.length]]),
      ),
    ),
  },
  {
    name: "wrong JSON types",
    contentType: "application/json",
    body: JSON.stringify({
      body: 42,
      from: ["+12125550100"],
      now: "yes",
      isAnswered: "true",
      events: "lead.created",
      keys: null,
      name: { $ne: 1 },
      status: true,
      businessHours: "always",
    }),
  },
  { name: "hostile text/plain", contentType: "text/plain", body: hostileStrings.join("\n") },
];

export const hostileQuery = `?limit=-1&cursor=${encodeURIComponent("'; DROP TABLE x; --")}&phone=${encodeURIComponent("<script>")}&status=${encodeURIComponent("\u0000")}&from=not-a-date&to=2024-13-45&q=${encodeURIComponent("🙂%' OR 1=1 --")}&threadId=${encodeURIComponent("' OR '1'='1")}&parentCallSid=${encodeURIComponent("../x")}&now=maybe&via=${encodeURIComponent("<b>")}`;

/** Text that must never reach a client: stack frames, ORM/driver internals, raw error names. */
const LEAK_PATTERNS = [
  /\bat \//,
  /at .*\(.*:\d+:\d+\)/,
  /prisma/i,
  /Error:/,
  /node_modules/,
  /ECONNREFUSED/,
  /\bSELECT\b.*\bFROM\b/i,
  /invalid input syntax/i,
];

export function leakIn(text: string): string | null {
  for (const pattern of LEAK_PATTERNS) {
    const match = pattern.exec(text);
    if (match) return match[0];
  }
  return null;
}

const TABLES = [
  "Business",
  "PhoneNumber",
  "User",
  "Membership",
  "Lead",
  "ConsentChange",
  "PhoneLookup",
  "Call",
  "Thread",
  "Message",
  "Event",
  "PushSubscription",
  "Notification",
  "WebhookEndpoint",
  "WebhookDelivery",
] as const;

/**
 * Row counts of the main tables and of queued jobs in one round trip. The jobs leave out what pg-boss's clock
 * queues on its own (the schedules' minute ticks, from any started boss of the run) and its internal queues: a
 * tick during a request is not something the request wrote.
 */
export async function rowCounts(): Promise<Record<string, number>> {
  const columns = [
    ...TABLES.map((table) => `(SELECT count(*) FROM "${table}")::int AS "${table}"`),
    `(SELECT count(*) FROM pgboss.job WHERE name NOT IN (SELECT name FROM pgboss.schedule) AND name NOT LIKE '\\_\\_pgboss%')::int AS "jobs"`,
  ];
  const [row] = await db.$queryRawUnsafe<Record<string, number>[]>(`SELECT ${columns.join(", ")}`);
  return row!;
}

/**
 * Drops the jobs a fuzz file queued (hundreds of auto-SMS and inbound-message jobs no worker ran): left in the
 * shared test database, they would be the first work of the next file that starts a worker.
 */
export async function discardJobsQueuedSince(since: Date): Promise<void> {
  await db.$executeRawUnsafe(
    `DELETE FROM pgboss.job WHERE created_on >= $1 AND state IN ('created', 'retry') AND name NOT LIKE '\\_\\_pgboss%'`,
    since,
  );
  // Their messages too: a queued message whose job is gone is what the outbox sweep (every minute, in any later
  // file's worker) re-enqueues, and the next file's Twilio fake would receive hundreds of texts it never sent.
  await db.message.updateMany({
    where: {
      direction: "outbound",
      status: { in: ["queued", "sending"] },
      messageSid: null,
      createdAt: { gte: since },
    },
    data: { status: "canceled", errorMessage: "discarded by the fuzz test that queued it" },
  });
}
