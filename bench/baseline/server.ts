// The reference for the missed-calls benchmark: a bare node:http + pg server doing the same missed-call work as the
// product, written the plain way, to tell how much the product's framework and structure cost on this machine.
// It uses the product's own tables (a database migrated like the product's), so rows and indexes weigh the same:
// - POST /api/twilio/voice: verify the Twilio signature, record the call idempotently (CallSid is unique), answer
//   TwiML that dials the professional with the Dial action URL;
// - POST /api/twilio/dial-action: verify; if the dial was missed, in one transaction: claim the call (a redelivered
//   action finds it claimed and changes nothing), upsert the lead and its open thread, insert the auto-SMS message
//   and its send job; answer the voicemail TwiML; after answering, send the SMS through Twilio's REST API and mark
//   the message sent and the job done.
// The business and its number are read once at start (the product's goal for its own cache).
// Configuration (environment): PORT, DATABASE_URL, PUBLIC_BASE_URL, TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN,
// TWILIO_API_BASE_URL, BUSINESS_NUMBER, FORWARD_TO.
import { createHmac, randomUUID, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import pg from "pg";

const config = {
  port: Number(process.env.PORT),
  databaseUrl: required("DATABASE_URL"),
  publicBaseUrl: required("PUBLIC_BASE_URL"),
  accountSid: required("TWILIO_ACCOUNT_SID"),
  authToken: required("TWILIO_AUTH_TOKEN"),
  twilioApiBaseUrl: required("TWILIO_API_BASE_URL"),
  businessNumber: required("BUSINESS_NUMBER"),
  forwardTo: required("FORWARD_TO"),
};
const MISSED = new Set(["no-answer", "busy", "failed", "canceled"]);
const AUTO_REPLY = "Sorry we missed your call at Reference Plumbing! How can we help? Reply STOP to opt out.";

const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });
pool.on("error", () => undefined);
let businessId = "";

async function main() {
  businessId = await ensureBusiness();
  // The job queue of the reference: one row per message to send, deleted when sent.
  await pool.query(
    `CREATE TABLE IF NOT EXISTS reference_job (message_id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())`,
  );
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error(error);
      if (!response.headersSent) response.writeHead(500).end();
    });
  });
  server.keepAliveTimeout = 65_000;
  server.listen(config.port, "127.0.0.1", () => console.log(`reference listening on ${config.port}`));
  process.on("SIGTERM", () => server.close(() => void pool.end().then(() => process.exit(0))));
}

async function handle(request: IncomingMessage, response: ServerResponse) {
  const path = (request.url ?? "/").split("?")[0];
  if (request.method === "GET" && path === "/health") return response.writeHead(200).end("ok");
  if (request.method !== "POST" || (path !== "/api/twilio/voice" && path !== "/api/twilio/dial-action")) {
    return response.writeHead(404).end();
  }
  const params = new URLSearchParams(await readBody(request));
  if (!isSignedByTwilio(`${config.publicBaseUrl}${request.url}`, params, request.headers["x-twilio-signature"])) {
    return response.writeHead(403).end();
  }
  const callSid = params.get("CallSid") ?? "";
  const from = params.get("From") ?? "";
  if (path === "/api/twilio/voice") {
    await pool.query(
      `INSERT INTO "Call" (id, "businessId", "callSid", "fromNumber", "toNumber", status, "updatedAt")
       VALUES ($1, $2, $3, $4, $5, 'ringing', now()) ON CONFLICT ("callSid") DO NOTHING`,
      [randomUUID(), businessId, callSid, from, params.get("To") ?? ""],
    );
    return sendTwiml(
      response,
      `<Dial timeout="18" action="${config.publicBaseUrl}/api/twilio/dial-action" method="POST" callerId="${escapeXml(from)}"><Number>${config.forwardTo}</Number></Dial>`,
    );
  }
  const dialStatus = params.get("DialCallStatus") ?? "";
  const messageId = MISSED.has(dialStatus) ? await recordMissedCall({ callSid, from, dialStatus }) : null;
  sendTwiml(
    response,
    `<Say>Sorry we missed your call. We'll text you right away.</Say><Record maxLength="120" playBeep="true"/>`,
  );
  if (messageId) setImmediate(() => void sendAutoReply({ messageId, to: from }).catch((error) => console.error(error)));
}

/** The missed call's transaction; the message to send, or null when the call was already handled (a redelivery). */
async function recordMissedCall({ callSid, from, dialStatus }: { callSid: string; from: string; dialStatus: string }) {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const claimed = await client.query<{ id: string }>(
      `UPDATE "Call" SET "isMissed" = true, "missReason" = $2, "dialStatus" = $2, "detectedAt" = now(), "updatedAt" = now()
       WHERE "callSid" = $1 AND "isMissed" IS NULL RETURNING id`,
      [callSid, dialStatus],
    );
    const callId = claimed.rows[0]?.id;
    if (!callId) {
      await client.query("COMMIT");
      return null;
    }
    const lead = await client.query<{ id: string }>(
      `INSERT INTO "Lead" (id, "businessId", phone, "updatedAt") VALUES ($1, $2, $3, now())
       ON CONFLICT ("businessId", phone) DO UPDATE SET "updatedAt" = now() RETURNING id`,
      [randomUUID(), businessId, from],
    );
    const leadId = lead.rows[0]!.id;
    const thread = await client.query<{ id: string }>(
      `WITH open AS (
         SELECT id FROM "Thread" WHERE "leadId" = $1 AND mode <> 'closed' ORDER BY "createdAt" DESC LIMIT 1
       ), created AS (
         INSERT INTO "Thread" (id, "businessId", "leadId", "lastMessagePreview", "updatedAt")
         SELECT $2, $3, $1, $4, now() WHERE NOT EXISTS (SELECT 1 FROM open) RETURNING id
       )
       SELECT id FROM open UNION ALL SELECT id FROM created`,
      [leadId, randomUUID(), businessId, AUTO_REPLY.slice(0, 80)],
    );
    const threadId = thread.rows[0]!.id;
    const messageId = randomUUID();
    await client.query(
      `WITH message AS (
         INSERT INTO "Message" (id, "businessId", "threadId", "leadId", direction, "authorKind", purpose, body,
           "fromNumber", "toNumber", status, "updatedAt")
         VALUES ($1, $2, $3, $4, 'outbound', 'system', 'auto_reply', $5, $6, $7, 'queued', now()) RETURNING id
       ), job AS (
         INSERT INTO reference_job (message_id) SELECT id FROM message
       )
       UPDATE "Call" SET "leadId" = $4, "threadId" = $3, "autoReplyMessageId" = $1 WHERE id = $8`,
      [messageId, businessId, threadId, leadId, AUTO_REPLY, config.businessNumber, from, callId],
    );
    await client.query("COMMIT");
    return messageId;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

async function sendAutoReply({ messageId, to }: { messageId: string; to: string }) {
  const response = await fetch(`${config.twilioApiBaseUrl}/2010-04-01/Accounts/${config.accountSid}/Messages.json`, {
    method: "POST",
    headers: {
      authorization: `Basic ${Buffer.from(`${config.accountSid}:${config.authToken}`).toString("base64")}`,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ To: to, From: config.businessNumber, Body: AUTO_REPLY }).toString(),
  });
  if (!response.ok) throw new Error(`Twilio answered ${response.status}`);
  const { sid } = (await response.json()) as { sid: string };
  await pool.query(
    `WITH sent AS (
       UPDATE "Message" SET status = 'sent', "messageSid" = $2, "sentAt" = now(), "updatedAt" = now() WHERE id = $1
     )
     DELETE FROM reference_job WHERE message_id = $1`,
    [messageId, sid],
  );
}

async function ensureBusiness(): Promise<string> {
  const { rows } = await pool.query<{ businessId: string }>(`SELECT "businessId" FROM "PhoneNumber" WHERE e164 = $1`, [
    config.businessNumber,
  ]);
  if (rows[0]) return rows[0].businessId;
  const id = randomUUID();
  await pool.query(
    `INSERT INTO "Business" (id, name, "businessHours", "autoReplyTemplate", "forwardTo", "updatedAt")
     VALUES ($1, 'Reference Plumbing', '{}', $2, $3, now())`,
    [id, AUTO_REPLY, config.forwardTo],
  );
  await pool.query(`INSERT INTO "PhoneNumber" (id, "businessId", e164, "updatedAt") VALUES ($1, $2, $3, now())`, [
    randomUUID(),
    id,
    config.businessNumber,
  ]);
  return id;
}

/** Twilio's signature: HMAC-SHA1 over the URL followed by each parameter name and value, sorted by name. */
function isSignedByTwilio(url: string, params: URLSearchParams, signature: string | string[] | undefined) {
  if (typeof signature !== "string") return false;
  const names = [...new Set(params.keys())].sort();
  const data = names.reduce(
    (text, name) =>
      text +
      params
        .getAll(name)
        .map((value) => name + value)
        .join(""),
    url,
  );
  const expected = createHmac("sha1", config.authToken).update(data).digest();
  const given = Buffer.from(signature, "base64");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

function sendTwiml(response: ServerResponse, body: string) {
  response.writeHead(200, { "content-type": "text/xml; charset=utf-8" });
  response.end(`<?xml version="1.0" encoding="UTF-8"?><Response>${body}</Response>`);
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk: string) => (body += chunk));
    request.on("end", () => resolve(body));
    request.on("error", reject);
  });
}

function escapeXml(text: string) {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function required(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is required`);
  return value;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
