-- AlterTable
ALTER TABLE "Call" ADD COLUMN     "screenedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Message" ADD COLUMN     "processedAt" TIMESTAMP(3);


-- Carry over the markers that lived in the event log until now.
UPDATE "Message" m SET "processedAt" = e."createdAt"
FROM "Event" e
WHERE e.type = 'message.processed' AND e.payload->>'messageId' = m.id AND m."processedAt" IS NULL;

UPDATE "Call" c SET "screenedAt" = e."createdAt"
FROM "Event" e
WHERE e.type = 'call.screened' AND e.payload->>'callSid' = c."callSid" AND c."screenedAt" IS NULL;
