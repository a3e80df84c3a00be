-- CreateEnum
CREATE TYPE "AiReplyMode" AS ENUM ('auto', 'approve');

-- CreateEnum
CREATE TYPE "DraftStatus" AS ENUM ('pending', 'sent', 'discarded');

-- AlterEnum
ALTER TYPE "NotificationKind" ADD VALUE 'ai_draft';

-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "aiDraftAutoSendMinutes" INTEGER,
ADD COLUMN     "aiReplyMode" "AiReplyMode" NOT NULL DEFAULT 'auto';

-- CreateTable
CREATE TABLE "AiDraft" (
    "id" TEXT NOT NULL,
    "businessId" TEXT NOT NULL,
    "threadId" TEXT NOT NULL,
    "generationId" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "sentBody" TEXT,
    "status" "DraftStatus" NOT NULL DEFAULT 'pending',
    "resolution" TEXT,
    "resolvedByUserId" TEXT,
    "resolvedAt" TIMESTAMP(3),
    "autoSendAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AiDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AiDraft_threadId_status_idx" ON "AiDraft"("threadId", "status");

-- CreateIndex
CREATE INDEX "AiDraft_businessId_createdAt_idx" ON "AiDraft"("businessId", "createdAt");

-- CreateIndex
CREATE INDEX "AiDraft_resolvedByUserId_idx" ON "AiDraft"("resolvedByUserId");

-- AddForeignKey
ALTER TABLE "AiDraft" ADD CONSTRAINT "AiDraft_businessId_fkey" FOREIGN KEY ("businessId") REFERENCES "Business"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiDraft" ADD CONSTRAINT "AiDraft_threadId_fkey" FOREIGN KEY ("threadId") REFERENCES "Thread"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AiDraft" ADD CONSTRAINT "AiDraft_resolvedByUserId_fkey" FOREIGN KEY ("resolvedByUserId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- At most one pending draft per conversation (a partial index: the Prisma schema cannot express it).
CREATE UNIQUE INDEX "AiDraft_threadId_pending_key" ON "AiDraft"("threadId") WHERE "status" = 'pending';
