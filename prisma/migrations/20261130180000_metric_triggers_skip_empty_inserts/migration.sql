-- The rollup triggers skip the INSERTs that can have no facts, instead of computing an empty set through the views
-- and comparing it with an empty set: a row with a new id has no facts kept (MetricFact is keyed by its id), so
-- when the new row defines none either, nothing changes.
-- - A call has facts only once it is missed, and feeds its thread's only when it is a test call: the Voice
--   webhook's call (ringing, not a test) is one such INSERT per call.
-- - A thread has its fact only once auto-texted, and feeds the funnel only through an UPDATE: threads are created
--   before their auto-text is stamped on them.
-- Everything else is unchanged (the bodies below are the previous ones with the first IF added).

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
