-- CreateTable
CREATE TABLE "MetricFact" (
    "id" BIGSERIAL NOT NULL,
    "businessId" TEXT NOT NULL,
    "owner" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "at2" TIMESTAMP(3),
    "dim" TEXT NOT NULL DEFAULT '',
    "num" BIGINT NOT NULL DEFAULT 0,
    "cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricFact_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricDelta" (
    "id" BIGSERIAL NOT NULL,
    "businessId" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "at" TIMESTAMP(3) NOT NULL,
    "at2" TIMESTAMP(3),
    "dim" TEXT NOT NULL DEFAULT '',
    "num" BIGINT NOT NULL DEFAULT 0,
    "n" INTEGER NOT NULL,
    "cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricDelta_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MetricDaily" (
    "businessId" TEXT NOT NULL,
    "timezone" TEXT NOT NULL,
    "day" DATE NOT NULL,
    "kind" TEXT NOT NULL,
    "dim" TEXT NOT NULL DEFAULT '',
    "num" BIGINT NOT NULL DEFAULT 0,
    "day2" TEXT NOT NULL DEFAULT '',
    "n" INTEGER NOT NULL,
    "cents" BIGINT NOT NULL DEFAULT 0,

    CONSTRAINT "MetricDaily_pkey" PRIMARY KEY ("businessId","timezone","day","kind","dim","num","day2")
);

-- CreateIndex
CREATE INDEX "MetricFact_owner_idx" ON "MetricFact"("owner");

-- CreateIndex
CREATE INDEX "MetricFact_businessId_at_idx" ON "MetricFact"("businessId", "at");

-- CreateIndex
CREATE INDEX "MetricDelta_businessId_at_idx" ON "MetricDelta"("businessId", "at");


-- ---------------------------------------------------------------------------------------------------------------
-- The dashboard's rollups (see MetricFact in schema.prisma). Facts are defined once, by the three views below, as a
-- function of the current rows; triggers keep MetricFact equal to them and write every change to MetricDelta in the
-- same transaction; MetricDaily holds the folded deltas per local day. Invariant, in every snapshot:
--   MetricFact = MetricDaily (in the business's timezone) + MetricDelta.

-- Calls: every missed call that is not a test ("call": by skip reason, num = 1 when the auto-SMS was accepted), and
-- the response time of each captured one in ms ("latency"; timestamps are in ms, so the value is exact).
CREATE VIEW "metric_call_facts" AS
  SELECT c.id AS owner_id, c."businessId" AS business_id, 'call'::text AS kind, c."createdAt" AS at,
    NULL::timestamp(3) AS at2, coalesce(c."skipReason"::text, '') AS dim,
    (CASE WHEN c."smsAcceptedAt" IS NOT NULL THEN 1 ELSE 0 END)::bigint AS num, 0::bigint AS cents
  FROM "Call" c WHERE c."isMissed" = true AND c."isTest" = false
  UNION ALL
  SELECT c.id, c."businessId", 'latency', c."createdAt", NULL, '',
    round(extract(epoch FROM (c."smsAcceptedAt" - c."detectedAt")) * 1000)::bigint, 0
  FROM "Call" c WHERE c."isMissed" = true AND c."isTest" = false AND c."skipReason" IS NULL
    AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL;

-- Threads auto-texted ("texted", dim "replied" once the customer answered), unless a test call opened them.
CREATE VIEW "metric_thread_facts" AS
  SELECT t.id AS owner_id, t."businessId" AS business_id, 'texted'::text AS kind, t."autoTextedAt" AS at,
    NULL::timestamp(3) AS at2, (CASE WHEN t."firstCustomerReplyAt" IS NOT NULL THEN 'replied' ELSE '' END) AS dim,
    0::bigint AS num, 0::bigint AS cents
  FROM "Thread" t WHERE t."autoTextedAt" IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."threadId" = t.id AND c."isTest" = true);

-- Leads of real customers (the "test my setup" caller +1500555… is nobody's customer): "lead" by status at creation,
-- "revenue" when won from a call (at closedAt, the job value in cents), and the funnel stages each captured
-- missed call of the lead reached ("funnel_replied", "funnel_qualified", "funnel_won"). A funnel fact carries when
-- the lead's previous call reached the same stage (at2), so a period counts each lead once: at2 before the period.
CREATE VIEW "metric_lead_facts" AS
  SELECT l.id AS owner_id, l."businessId" AS business_id, 'lead'::text AS kind, l."createdAt" AS at,
    NULL::timestamp(3) AS at2, l.status::text AS dim, 0::bigint AS num, 0::bigint AS cents
  FROM "Lead" l WHERE l.phone NOT LIKE '+1500555%'
  UNION ALL
  SELECT l.id, l."businessId", 'revenue', l."closedAt", NULL, '', 0, coalesce(l."valueCents", 0)::bigint
  FROM "Lead" l WHERE l.status = 'won' AND l.source = 'call' AND l."closedAt" IS NOT NULL
    AND l.phone NOT LIKE '+1500555%'
  UNION ALL
  SELECT s.lead_id, s.business_id, s.kind, s.at, lag(s.at) OVER (PARTITION BY s.lead_id, s.kind ORDER BY s.at, s.call_id),
    '', 0, 0
  FROM (
    SELECT c.id AS call_id, c."leadId" AS lead_id, c."businessId" AS business_id, c."createdAt" AS at, stage.kind
    FROM "Call" c
    JOIN "Lead" l ON l.id = c."leadId"
    LEFT JOIN "Thread" t ON t.id = c."threadId"
    CROSS JOIN LATERAL (VALUES
      ('funnel_replied'::text, t."firstCustomerReplyAt" IS NOT NULL),
      ('funnel_qualified', t."firstCustomerReplyAt" IS NOT NULL
        AND (l."qualifiedAt" IS NOT NULL OR l.status IN ('qualified', 'won'))),
      ('funnel_won', l.status = 'won')) AS stage(kind, reached)
    WHERE c."isMissed" = true AND c."isTest" = false AND c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL
      AND stage.reached
  ) s;

CREATE TYPE "metric_fact_row" AS (
  business_id text, kind text, at timestamp(3), at2 timestamp(3), dim text, num bigint, cents bigint
);

-- Recomputes the facts of one call, lead or thread; when they changed, writes the difference to MetricDelta.
CREATE FUNCTION "metric_refresh"(p_source text, p_id text) RETURNS void AS $$
DECLARE
  v_owner text := p_source || ':' || p_id;
  v_new "metric_fact_row"[];
  v_old "metric_fact_row"[];
BEGIN
  IF p_id IS NULL THEN
    RETURN;
  END IF;
  IF p_source = 'call' THEN
    SELECT coalesce(array_agg(ROW(f.business_id, f.kind, f.at, f.at2, f.dim, f.num, f.cents)::"metric_fact_row"
      ORDER BY f.kind, f.at, f.at2, f.dim, f.num, f.cents), '{}') INTO v_new
    FROM "metric_call_facts" f WHERE f.owner_id = p_id;
  ELSIF p_source = 'lead' THEN
    SELECT coalesce(array_agg(ROW(f.business_id, f.kind, f.at, f.at2, f.dim, f.num, f.cents)::"metric_fact_row"
      ORDER BY f.kind, f.at, f.at2, f.dim, f.num, f.cents), '{}') INTO v_new
    FROM "metric_lead_facts" f WHERE f.owner_id = p_id;
  ELSE
    SELECT coalesce(array_agg(ROW(f.business_id, f.kind, f.at, f.at2, f.dim, f.num, f.cents)::"metric_fact_row"
      ORDER BY f.kind, f.at, f.at2, f.dim, f.num, f.cents), '{}') INTO v_new
    FROM "metric_thread_facts" f WHERE f.owner_id = p_id;
  END IF;
  SELECT coalesce(array_agg(ROW(m."businessId", m.kind, m.at, m.at2, m.dim, m.num, m.cents)::"metric_fact_row"
    ORDER BY m.kind, m.at, m.at2, m.dim, m.num, m.cents), '{}') INTO v_old
  FROM "MetricFact" m WHERE m.owner = v_owner;
  IF v_new = v_old THEN
    RETURN;
  END IF;
  INSERT INTO "MetricDelta" ("businessId", kind, at, at2, dim, num, n, cents)
    SELECT d.business_id, d.kind, d.at, d.at2, d.dim, d.num, 1, d.cents
    FROM (SELECT * FROM unnest(v_new) EXCEPT ALL SELECT * FROM unnest(v_old)) d
    UNION ALL
    SELECT d.business_id, d.kind, d.at, d.at2, d.dim, d.num, -1, -d.cents
    FROM (SELECT * FROM unnest(v_old) EXCEPT ALL SELECT * FROM unnest(v_new)) d;
  DELETE FROM "MetricFact" WHERE owner = v_owner;
  INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
    SELECT f.business_id, v_owner, f.kind, f.at, f.at2, f.dim, f.num, f.cents FROM unnest(v_new) f;
END;
$$ LANGUAGE plpgsql;

-- A call feeds its own facts, its lead's funnel (when it is a captured missed call) and its thread's "texted"
-- fact (when it is a test call).
CREATE FUNCTION "metric_call_changed"() RETURNS trigger AS $$
DECLARE
  v_old_funnel boolean := false;
  v_new_funnel boolean := false;
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD."businessId", OLD."leadId", OLD."threadId", OLD."isMissed", OLD."isTest",
      OLD."skipReason", OLD."detectedAt", OLD."smsAcceptedAt", OLD."createdAt")
    IS NOT DISTINCT FROM (NEW."businessId", NEW."leadId", NEW."threadId", NEW."isMissed", NEW."isTest",
      NEW."skipReason", NEW."detectedAt", NEW."smsAcceptedAt", NEW."createdAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    v_old_funnel := OLD."isMissed" IS TRUE AND NOT OLD."isTest" AND OLD."skipReason" IS NULL
      AND OLD."smsAcceptedAt" IS NOT NULL;
  END IF;
  IF TG_OP <> 'DELETE' THEN
    v_new_funnel := NEW."isMissed" IS TRUE AND NOT NEW."isTest" AND NEW."skipReason" IS NULL
      AND NEW."smsAcceptedAt" IS NOT NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "metric_refresh"('call', OLD.id);
  ELSE
    PERFORM "metric_refresh"('call', NEW.id);
  END IF;
  IF v_old_funnel THEN
    PERFORM "metric_refresh"('lead', OLD."leadId");
  END IF;
  IF v_new_funnel AND (NOT v_old_funnel OR NEW."leadId" IS DISTINCT FROM OLD."leadId" OR TG_OP = 'INSERT') THEN
    PERFORM "metric_refresh"('lead', NEW."leadId");
  END IF;
  IF TG_OP <> 'INSERT' AND OLD."isTest" THEN
    PERFORM "metric_refresh"('thread', OLD."threadId");
  END IF;
  IF TG_OP <> 'DELETE' AND NEW."isTest" AND (TG_OP = 'INSERT' OR NOT OLD."isTest"
      OR NEW."threadId" IS DISTINCT FROM OLD."threadId") THEN
    PERFORM "metric_refresh"('thread', NEW."threadId");
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "metric_thread_changed"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.id, OLD."businessId", OLD."autoTextedAt", OLD."firstCustomerReplyAt")
    IS NOT DISTINCT FROM (NEW.id, NEW."businessId", NEW."autoTextedAt", NEW."firstCustomerReplyAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "metric_refresh"('thread', OLD.id);
  ELSE
    PERFORM "metric_refresh"('thread', NEW.id);
  END IF;
  -- The funnel's "replied" reads the thread of each captured call (calls of a deleted thread lose their threadId,
  -- and their own trigger refreshes their lead).
  IF TG_OP = 'UPDATE' AND OLD."firstCustomerReplyAt" IS DISTINCT FROM NEW."firstCustomerReplyAt" THEN
    PERFORM "metric_refresh"('lead', c."leadId")
    FROM (SELECT DISTINCT "leadId" FROM "Call" WHERE "threadId" = NEW.id AND "leadId" IS NOT NULL) c;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "metric_lead_changed"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.id, OLD."businessId", OLD.phone, OLD.status, OLD.source, OLD."valueCents",
      OLD."closedAt", OLD."qualifiedAt", OLD."createdAt")
    IS NOT DISTINCT FROM (NEW.id, NEW."businessId", NEW.phone, NEW.status, NEW.source, NEW."valueCents",
      NEW."closedAt", NEW."qualifiedAt", NEW."createdAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "metric_refresh"('lead', OLD.id);
  ELSE
    PERFORM "metric_refresh"('lead', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- MetricDaily for one business in its timezone, from scratch: facts less the deltas not folded yet (those stay and
-- are folded later), so the invariant holds whatever commits meanwhile. Callers hold the Business row (a timezone
-- change updates it; the fold job locks it FOR SHARE), so no fold runs at the same time.
CREATE FUNCTION "metric_rebuild_daily"(p_business text, p_timezone text) RETURNS void AS $$
BEGIN
  DELETE FROM "MetricDaily" WHERE "businessId" = p_business;
  INSERT INTO "MetricDaily" ("businessId", timezone, day, kind, dim, num, day2, n, cents)
  SELECT p_business, p_timezone, ((x.at AT TIME ZONE 'UTC') AT TIME ZONE p_timezone)::date, x.kind, x.dim, x.num,
    coalesce(to_char((x.at2 AT TIME ZONE 'UTC') AT TIME ZONE p_timezone, 'YYYY-MM-DD'), ''), sum(x.n), sum(x.cents)
  FROM (
    SELECT at, at2, kind, dim, num, 1 AS n, cents FROM "MetricFact" WHERE "businessId" = p_business
    UNION ALL
    SELECT at, at2, kind, dim, num, -n, -cents FROM "MetricDelta" WHERE "businessId" = p_business
  ) x
  GROUP BY 3, 4, 5, 6, 7
  HAVING sum(x.n) <> 0 OR sum(x.cents) <> 0;
END;
$$ LANGUAGE plpgsql;

CREATE FUNCTION "metric_business_timezone_changed"() RETURNS trigger AS $$
BEGIN
  PERFORM "metric_rebuild_daily"(NEW.id, NEW.timezone);
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- The facts and daily rows of one business recomputed from its rows (set-based): for data written with the
-- triggers switched off (bulk loads, the dashboard benchmark's fixtures).
CREATE FUNCTION "metric_backfill"(p_business text) RETURNS void AS $$
BEGIN
  DELETE FROM "MetricFact" WHERE "businessId" = p_business;
  DELETE FROM "MetricDelta" WHERE "businessId" = p_business;
  INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
    SELECT business_id, 'call:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_call_facts"
    WHERE business_id = p_business
    UNION ALL
    SELECT business_id, 'lead:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_lead_facts"
    WHERE business_id = p_business
    UNION ALL
    SELECT business_id, 'thread:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_thread_facts"
    WHERE business_id = p_business;
  PERFORM "metric_rebuild_daily"(p_business, (SELECT timezone FROM "Business" WHERE id = p_business));
END;
$$ LANGUAGE plpgsql;

-- Backfill: the facts of every existing row, then the daily rows of every business.
INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
  SELECT business_id, 'call:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_call_facts"
  UNION ALL
  SELECT business_id, 'lead:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_lead_facts"
  UNION ALL
  SELECT business_id, 'thread:' || owner_id, kind, at, at2, dim, num, cents FROM "metric_thread_facts";
SELECT "metric_rebuild_daily"(id, timezone) FROM "Business";

CREATE TRIGGER "Call_metrics" AFTER INSERT OR UPDATE OR DELETE ON "Call"
  FOR EACH ROW EXECUTE FUNCTION "metric_call_changed"();
CREATE TRIGGER "Thread_metrics" AFTER INSERT OR UPDATE OR DELETE ON "Thread"
  FOR EACH ROW EXECUTE FUNCTION "metric_thread_changed"();
CREATE TRIGGER "Lead_metrics" AFTER INSERT OR UPDATE OR DELETE ON "Lead"
  FOR EACH ROW EXECUTE FUNCTION "metric_lead_changed"();
CREATE TRIGGER "Business_metrics_timezone" AFTER UPDATE OF timezone ON "Business"
  FOR EACH ROW WHEN (OLD.timezone IS DISTINCT FROM NEW.timezone)
  EXECUTE FUNCTION "metric_business_timezone_changed"();

-- The two lists the dashboard still reads live: calls that got no auto-SMS (newest first) and takeovers.
CREATE INDEX "Call_uncaptured_idx" ON "Call"("businessId", "createdAt")
  WHERE "isMissed" = true AND "isTest" = false AND "smsAcceptedAt" IS NULL;
CREATE INDEX "Notification_takeover_idx" ON "Notification"("businessId", "sentAt")
  WHERE "takeoverAt" IS NOT NULL AND kind <> 'test';
