-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "MessagePurpose" ADD VALUE 'consent_reply';
ALTER TYPE "MessagePurpose" ADD VALUE 'safety_advice';

-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "aiDisclosure" BOOLEAN NOT NULL DEFAULT true,
ADD COLUMN     "aiDisclosureText" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "emergencyAdvice" BOOLEAN NOT NULL DEFAULT true;

