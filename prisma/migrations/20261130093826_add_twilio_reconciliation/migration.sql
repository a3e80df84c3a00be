-- Reconciliation with Twilio's own records: how Ringback learned of a call (webhook or reconciliation), a skip reason
-- for a missed call found after the horizon (recorded, never texted), a miss reason for a call Twilio took while
-- Ringback could not answer it (the professional's phone never rang), and each business's checkpoints.

-- CreateEnum
CREATE TYPE "CallDetectedBy" AS ENUM ('webhook', 'reconciliation');

-- AlterEnum
ALTER TYPE "CallSkipReason" ADD VALUE 'too_old';

-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "detectedBy" "CallDetectedBy" NOT NULL DEFAULT 'webhook';

-- CreateTable
CREATE TABLE "TwilioReconciliation" (
    "businessId" TEXT NOT NULL,
    "callsCheckpoint" TIMESTAMP(3),
    "messagesCheckpoint" TIMESTAMP(3),
    "lastRunAt" TIMESTAMP(3),
    "lastRunOk" BOOLEAN,
    "lastError" TEXT,
    "lastCallsRecovered" INTEGER NOT NULL DEFAULT 0,
    "lastMessagesRecovered" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "TwilioReconciliation_pkey" PRIMARY KEY ("businessId")
);

-- AddForeignKey
ALTER TABLE "TwilioReconciliation" ADD CONSTRAINT "TwilioReconciliation_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- AlterTable (checked union, as lib/calls/miss-reason.ts)
ALTER TABLE "Call" DROP CONSTRAINT "Call_missReason_check";
ALTER TABLE "Call" ADD CONSTRAINT "Call_missReason_check" CHECK (
  "missReason" IN ('no-answer', 'busy', 'failed', 'canceled', 'short_answer', 'not_screened', 'forwarded', 'no_forward_to', 'not_reached')
);

-- The health panel counts recovered calls by when they were found.
CREATE INDEX "Call_businessId_detectedBy_detectedAt_idx" ON "Call" ("businessId", "detectedBy", "detectedAt");
