-- The free-text columns that hold a closed list become checked unions: the database refuses a value the code does
-- not know, as the TypeScript unions do (lib/events/catalogue.ts actorKinds, lib/calls/miss-reason.ts,
-- the consent sources). Rows written before by a Dial action with an unexpected status are recorded as failed.

UPDATE "Call" SET "missReason" = 'failed'
WHERE "missReason" IS NOT NULL
  AND "missReason" NOT IN ('no-answer', 'busy', 'failed', 'canceled', 'short_answer', 'not_screened', 'forwarded', 'no_forward_to');

ALTER TABLE "Call" ADD CONSTRAINT "Call_missReason_check" CHECK (
  "missReason" IN ('no-answer', 'busy', 'failed', 'canceled', 'short_answer', 'not_screened', 'forwarded', 'no_forward_to')
);

ALTER TABLE "Event" ADD CONSTRAINT "Event_actorKind_check" CHECK (
  "actorKind" IN ('system', 'customer', 'ai', 'user', 'twilio')
);

ALTER TABLE "ConsentChange" ADD CONSTRAINT "ConsentChange_source_check" CHECK (
  "source" IN ('keyword', 'free_text', 'ai_tool', 'twilio_error', 'manual')
);
