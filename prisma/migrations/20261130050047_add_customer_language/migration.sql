-- CreateEnum
CREATE TYPE "LanguageSource" AS ENUM ('unknown', 'detected', 'owner');

-- AlterTable
ALTER TABLE "Business" ADD COLUMN     "autoReplyLanguage" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "autoReplyTemplateEs" TEXT NOT NULL DEFAULT 'Hola, le escribe {business}. Perdón por no contestar su llamada, estamos en un trabajo. ¿En qué le podemos ayudar?';

-- AlterTable
ALTER TABLE "Lead" ADD COLUMN     "language" TEXT NOT NULL DEFAULT 'en',
ADD COLUMN     "languageSource" "LanguageSource" NOT NULL DEFAULT 'unknown';

-- AlterTable
ALTER TABLE "ConsentChange" ADD COLUMN     "messageId" TEXT,
ADD COLUMN     "reason" TEXT;

