-- Security hardening (issue 11): accounts per business (the email is no longer unique across Ringback), a forced
-- password change for a generated first password, health events as hourly counters, expiring rate-limit rows.

-- DropIndex
DROP INDEX "User_email_key";

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "mustChangePassword" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "RateLimit" ADD COLUMN     "blockedUntil" TIMESTAMP(3),
ADD COLUMN     "expiresAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- Existing windows were 15 minutes long.
UPDATE "RateLimit" SET "expiresAt" = "windowStart" + interval '15 minutes';

-- CreateTable
CREATE TABLE "HealthCounter" (
    "kind" TEXT NOT NULL,
    "scope" TEXT NOT NULL DEFAULT '',
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,
    "lastAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "HealthCounter_pkey" PRIMARY KEY ("kind","scope","windowStart")
);

-- The rows so far, counted per kind, business and hour.
INSERT INTO "HealthCounter" ("kind", "scope", "windowStart", "count", "lastAt")
SELECT "kind", coalesce("businessId", ''), date_trunc('hour', "createdAt"), count(*)::int, max("createdAt")
FROM "HealthEvent"
GROUP BY 1, 2, 3;

-- DropTable
DROP TABLE "HealthEvent";

-- CreateIndex
CREATE INDEX "HealthCounter_windowStart_idx" ON "HealthCounter"("windowStart");

-- CreateIndex
CREATE INDEX "User_email_idx" ON "User"("email");

-- CreateIndex
CREATE INDEX "RateLimit_expiresAt_idx" ON "RateLimit"("expiresAt");
