-- CreateIndex
CREATE INDEX "Execution_updatedAt_idx" ON "Execution"("updatedAt");

