-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "mediaContentTypes" TEXT[] DEFAULT ARRAY[]::TEXT[];

