-- Two cheaper paths for the rollup triggers, on the writes every missed call makes:
-- - An INSERT records the new row's facts straight away: a row with a new id has no facts kept yet (MetricFact is
--   keyed by its id, and deleting a row removes its facts), so there is nothing to read back and compare. Should
--   another row's trigger of the same statement have refreshed this owner already (a call inserted with its lead),
--   its facts are kept, and the full refresh runs as before.
-- - A call entering the funnel (its auto-SMS accepted) refreshes its lead only when it reaches a stage: the lead's
--   funnel facts come from its calls that reached one (a customer reply on the call's thread, or the lead won), so a
--   call that reaches none adds no fact. Its lead's own change in the same statement (new → contacted) refreshes it
--   anyway; before, the lead was refreshed twice there.
-- Everything else is unchanged (the bodies below are the previous ones with these two changes).

-- The facts of a row just inserted: written to MetricFact and, as additions, to MetricDelta.
CREATE FUNCTION "metric_record_inserted"(p_source text, p_id text) RETURNS void AS $$
DECLARE
  v_owner text := p_source || ':' || p_id;
BEGIN
  IF p_id IS NULL THEN
    RETURN;
  END IF;
  IF EXISTS (SELECT 1 FROM "MetricFact" WHERE owner = v_owner) THEN
    PERFORM "metric_refresh"(p_source, p_id);
    RETURN;
  END IF;
  IF p_source = 'call' THEN
    WITH f AS (SELECT * FROM "metric_call_facts" WHERE owner_id = p_id),
    delta AS (
      INSERT INTO "MetricDelta" ("businessId", kind, at, at2, dim, num, n, cents)
      SELECT business_id, kind, at, at2, dim, num, 1, cents FROM f)
    INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
    SELECT business_id, v_owner, kind, at, at2, dim, num, cents FROM f;
  ELSIF p_source = 'lead' THEN
    WITH f AS (SELECT * FROM "metric_lead_facts" WHERE owner_id = p_id),
    delta AS (
      INSERT INTO "MetricDelta" ("businessId", kind, at, at2, dim, num, n, cents)
      SELECT business_id, kind, at, at2, dim, num, 1, cents FROM f)
    INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
    SELECT business_id, v_owner, kind, at, at2, dim, num, cents FROM f;
  ELSE
    WITH f AS (SELECT * FROM "metric_thread_facts" WHERE owner_id = p_id),
    delta AS (
      INSERT INTO "MetricDelta" ("businessId", kind, at, at2, dim, num, n, cents)
      SELECT business_id, kind, at, at2, dim, num, 1, cents FROM f)
    INSERT INTO "MetricFact" ("businessId", owner, kind, at, at2, dim, num, cents)
    SELECT business_id, v_owner, kind, at, at2, dim, num, cents FROM f;
  END IF;
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
    PERFORM "metric_refresh"('call', OLD.id);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "metric_record_inserted"('call', NEW.id);
  ELSE
    PERFORM "metric_refresh"('call', NEW.id);
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
    PERFORM "metric_refresh"('thread', OLD.id);
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "metric_record_inserted"('thread', NEW.id);
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
  ELSIF TG_OP = 'INSERT' THEN
    PERFORM "metric_record_inserted"('lead', NEW.id);
  ELSE
    PERFORM "metric_refresh"('lead', NEW.id);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;
