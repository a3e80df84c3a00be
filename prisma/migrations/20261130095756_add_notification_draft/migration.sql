-- AlterTable
ALTER TABLE "Notification" ADD COLUMN     "draftId" TEXT;

