-- The rollup triggers compute a row's own facts from the row itself, instead of reading them back through the
-- views: on the missed-call path the views' reads and the function calls around them were about half of
-- PostgreSQL's time per call (pg_stat_statements: five full refreshes and three inserted-row records a call).
-- - A call's facts are a function of its row alone (metric_call_row_facts, the rows of metric_call_facts). An update
--   that leaves their inputs alone (the call given its lead and thread) touches nothing.
-- - A lead's "lead" and "revenue" facts are a function of its row (metric_lead_row_facts). Its funnel facts read its
--   calls and their threads; they are recomputed in full only when the lead's own funnel inputs change (qualified,
--   won). Otherwise they cannot have changed: a call that enters or leaves the funnel, or moves to another lead,
--   refreshes its lead itself whenever it reaches a stage. That covers a lead inserted by the statement that points
--   its captured calls at it (the calls' triggers see the lead).
-- - A thread's fact reads its row and whether a test call opened it (metric_thread_row_facts).
-- The row-facts functions are PL/pgSQL, whose plans are kept per session: PostgreSQL 15 plans a SQL function's body
-- again on every call from a trigger.
-- The facts kept for the owner (of those kinds) are still read and compared, so a row refreshed earlier in the same
-- statement by another row's trigger is not counted twice, and nothing is written when nothing changed. The views
-- stay the definition: the exact-recount test compares every fact kept with them.

CREATE FUNCTION "metric_call_row_facts"(c "Call") RETURNS "metric_fact_row"[] AS $$
BEGIN
  RETURN CASE WHEN c."isMissed" = true AND c."isTest" = false THEN
    ARRAY[ROW(c."businessId", 'call', c."createdAt", NULL, coalesce(c."skipReason"::text, ''),
      CASE WHEN c."smsAcceptedAt" IS NOT NULL THEN 1 ELSE 0 END, 0)::"metric_fact_row"]
    || CASE WHEN c."skipReason" IS NULL AND c."smsAcceptedAt" IS NOT NULL AND c."detectedAt" IS NOT NULL THEN
      ARRAY[ROW(c."businessId", 'latency', c."createdAt", NULL, '',
        round(extract(epoch FROM (c."smsAcceptedAt" - c."detectedAt")) * 1000)::bigint, 0)::"metric_fact_row"]
    ELSE '{}'::"metric_fact_row"[] END
  ELSE '{}'::"metric_fact_row"[] END;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

CREATE FUNCTION "metric_lead_row_facts"(l "Lead") RETURNS "metric_fact_row"[] AS $$
BEGIN
  RETURN CASE WHEN l.phone NOT LIKE '+1500555%' THEN
    ARRAY[ROW(l."businessId", 'lead', l."createdAt", NULL, l.status::text, 0, 0)::"metric_fact_row"]
    || CASE WHEN l.status = 'won' AND l.source = 'call' AND l."closedAt" IS NOT NULL THEN
      ARRAY[ROW(l."businessId", 'revenue', l."closedAt", NULL, '', 0,
        coalesce(l."valueCents", 0)::bigint)::"metric_fact_row"]
    ELSE '{}'::"metric_fact_row"[] END
  ELSE '{}'::"metric_fact_row"[] END;
END;
$$ LANGUAGE plpgsql IMMUTABLE;

CREATE FUNCTION "metric_thread_row_facts"(t "Thread") RETURNS "metric_fact_row"[] AS $$
BEGIN
  RETURN CASE WHEN t."autoTextedAt" IS NOT NULL
      AND NOT EXISTS (SELECT 1 FROM "Call" c WHERE c."threadId" = t.id AND c."isTest" = true) THEN
    ARRAY[ROW(t."businessId", 'texted', t."autoTextedAt", NULL,
      CASE WHEN t."firstCustomerReplyAt" IS NOT NULL THEN 'replied' ELSE '' END, 0, 0)::"metric_fact_row"]
  ELSE '{}'::"metric_fact_row"[] END;
END;
$$ LANGUAGE plpgsql STABLE;

-- Makes the facts kept for an owner, of the given kinds, equal p_new: the difference goes to MetricDelta and
-- MetricFact is replaced, in one statement; nothing is written when they are equal. p_new must be in the order the
-- kept ones are read in (kind, then the other columns): the row-facts functions build at most one fact per kind, in
-- the order of their kinds.
CREATE FUNCTION "metric_apply_row_facts"(p_owner text, p_kinds text[], p_new "metric_fact_row"[]) RETURNS void AS $$
DECLARE
  v_old "metric_fact_row"[];
BEGIN
  SELECT coalesce(array_agg(ROW(m."businessId", m.kind, m.at, m.at2, m.dim, m.num, m.cents)::"metric_fact_row"
    ORDER BY m.kind, m.at, m.at2, m.dim, m.num, m.cents), '{}') INTO v_old
  FROM "MetricFact" m WHERE m.owner = p_owner AND m.kind = ANY (p_kinds);
  IF v_old = p_new THEN
    RETURN;
  END IF;
  WITH delta AS (
    INSERT INTO "MetricDelta" ("businessId", kind, at, at2, dim, num, n, cents)
    SELECT d.business_id, d.kind, d.at, d.at2, d.dim, d.num, 1, d.cents
    FROM (SELECT * FROM unnest(p_new) EXCEPT ALL SELECT * FROM unnest(v_old)) d
    UNION ALL
    SELECT d.business_id, d.kind, d.at, d.at2, d.dim, d.num, -1, -d.cents
    FROM (SELECT * FROM unnest(v_old) EXCEPT ALL SELECT * FROM unnest(p_new)) d
  ), gone AS (
    DELETE FROM "MetricFact" WHERE owner = p_owner AND kind = ANY (p_kinds)
  )
  INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
  SELECT f.business_id, p_owner, f.kind, f.at, f.at2, f.dim, f.num, f.cents FROM unnest(p_new) f;
END;
$$ LANGUAGE plpgsql;

CREATE OR REPLACE FUNCTION "metric_call_changed"() RETURNS trigger AS $$
DECLARE
  v_old_funnel boolean := false;
  v_new_funnel boolean := false;
BEGIN
  IF TG_OP = 'INSERT' AND NEW."isMissed" IS NOT TRUE AND NEW."isTest" IS NOT TRUE THEN
    RETURN NULL;
  END IF;
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
    PERFORM "metric_apply_row_facts"('call:' || OLD.id, '{call,latency}', '{}');
  ELSIF TG_OP = 'INSERT' OR OLD.id <> NEW.id
    OR (OLD."businessId", OLD."isMissed", OLD."isTest", OLD."skipReason", OLD."detectedAt", OLD."smsAcceptedAt",
      OLD."createdAt")
    IS DISTINCT FROM (NEW."businessId", NEW."isMissed", NEW."isTest", NEW."skipReason", NEW."detectedAt",
      NEW."smsAcceptedAt", NEW."createdAt") THEN
    PERFORM "metric_apply_row_facts"('call:' || NEW.id, '{call,latency}', "metric_call_row_facts"(NEW));
  END IF;
  IF v_old_funnel THEN
    PERFORM "metric_refresh"('lead', OLD."leadId");
  END IF;
  IF v_new_funnel AND (NOT v_old_funnel OR NEW."leadId" IS DISTINCT FROM OLD."leadId" OR TG_OP = 'INSERT')
    AND (EXISTS (SELECT 1 FROM "Thread" t WHERE t.id = NEW."threadId" AND t."firstCustomerReplyAt" IS NOT NULL)
      OR EXISTS (SELECT 1 FROM "Lead" l WHERE l.id = NEW."leadId" AND l.status = 'won')) THEN
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

CREATE OR REPLACE FUNCTION "metric_thread_changed"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'INSERT' AND NEW."autoTextedAt" IS NULL THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'UPDATE' AND (OLD.id, OLD."businessId", OLD."autoTextedAt", OLD."firstCustomerReplyAt")
    IS NOT DISTINCT FROM (NEW.id, NEW."businessId", NEW."autoTextedAt", NEW."firstCustomerReplyAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "metric_apply_row_facts"('thread:' || OLD.id, '{texted}', '{}');
  ELSE
    PERFORM "metric_apply_row_facts"('thread:' || NEW.id, '{texted}', "metric_thread_row_facts"(NEW));
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

CREATE OR REPLACE FUNCTION "metric_lead_changed"() RETURNS trigger AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND (OLD.id, OLD."businessId", OLD.phone, OLD.status, OLD.source, OLD."valueCents",
      OLD."closedAt", OLD."qualifiedAt", OLD."createdAt")
    IS NOT DISTINCT FROM (NEW.id, NEW."businessId", NEW.phone, NEW.status, NEW.source, NEW."valueCents",
      NEW."closedAt", NEW."qualifiedAt", NEW."createdAt") THEN
    RETURN NULL;
  END IF;
  IF TG_OP = 'DELETE' THEN
    PERFORM "metric_refresh"('lead', OLD.id);
  ELSIF TG_OP = 'UPDATE' AND OLD.id = NEW.id
      AND (OLD."qualifiedAt" IS NOT NULL OR OLD.status IN ('qualified', 'won'))
        = (NEW."qualifiedAt" IS NOT NULL OR NEW.status IN ('qualified', 'won'))
      AND (OLD.status = 'won') = (NEW.status = 'won')
    OR TG_OP = 'INSERT' THEN
    PERFORM "metric_apply_row_facts"('lead:' || NEW.id, '{lead,revenue}', "metric_lead_row_facts"(NEW));
  ELSE
    PERFORM "metric_refresh"('lead', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

-- Replaced by metric_apply_row_facts above.
DROP FUNCTION "metric_record_inserted"(text, text);
