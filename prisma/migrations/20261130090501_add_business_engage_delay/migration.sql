-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "aiEngageDelaySeconds" INTEGER;

