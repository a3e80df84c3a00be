-- CreateIndex
CREATE INDEX "Lead_businessId_closedAt_idx" ON "Lead"("businessId", "closedAt");

-- CreateIndex
CREATE INDEX "Thread_businessId_autoTextedAt_idx" ON "Thread"("businessId", "autoTextedAt");

