-- The leads list's search is ILIKE '%…%' on name and address and a digits match on the phone: trigram indexes
-- answer it without reading every lead of the business. pg_trgm ships with PostgreSQL (contrib; trusted, so the
-- database owner may create it) and with the embedded database (lib/db/embedded.ts loads it).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- CreateIndex
CREATE INDEX "Lead_name_trgm_idx" ON "Lead" USING GIN ("name" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_address_trgm_idx" ON "Lead" USING GIN ("address" gin_trgm_ops);

-- CreateIndex
CREATE INDEX "Lead_phone_trgm_idx" ON "Lead" USING GIN ("phone" gin_trgm_ops);

