-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_Execution" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "uuid" TEXT NOT NULL,
    "pipelineId" INTEGER NOT NULL,
    "stageId" INTEGER NOT NULL,
    "parentId" INTEGER,
    "name" TEXT NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'RUNNING',
    "params" TEXT NOT NULL DEFAULT '{}',
    "properties" TEXT NOT NULL DEFAULT '{}',
    "startedAt" DATETIME NOT NULL,
    "endedAt" DATETIME,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    CONSTRAINT "Execution_pipelineId_fkey" FOREIGN KEY ("pipelineId") REFERENCES "Pipeline" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Execution_stageId_fkey" FOREIGN KEY ("stageId") REFERENCES "Stage" ("id") ON DELETE CASCADE ON UPDATE CASCADE,
    CONSTRAINT "Execution_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Execution" ("id") ON DELETE SET NULL ON UPDATE CASCADE
);
INSERT INTO "new_Execution" ("createdAt", "endedAt", "id", "name", "params", "pipelineId", "properties", "stageId", "startedAt", "status", "updatedAt", "uuid") SELECT "createdAt", "endedAt", "id", "name", "params", "pipelineId", "properties", "stageId", "startedAt", "status", "updatedAt", "uuid" FROM "Execution";
DROP TABLE "Execution";
ALTER TABLE "new_Execution" RENAME TO "Execution";
CREATE UNIQUE INDEX "Execution_uuid_key" ON "Execution"("uuid");
CREATE INDEX "Execution_pipelineId_startedAt_idx" ON "Execution"("pipelineId", "startedAt");
CREATE INDEX "Execution_stageId_startedAt_idx" ON "Execution"("stageId", "startedAt");
CREATE INDEX "Execution_startedAt_idx" ON "Execution"("startedAt");
CREATE INDEX "Execution_name_idx" ON "Execution"("name");
CREATE INDEX "Execution_parentId_idx" ON "Execution"("parentId");
CREATE TABLE "new_AliasChange" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "modelId" INTEGER NOT NULL,
    "alias" TEXT NOT NULL,
    "fromVersion" INTEGER,
    "toVersion" INTEGER,
    "action" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "actor" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    CONSTRAINT "AliasChange_modelId_fkey" FOREIGN KEY ("modelId") REFERENCES "RegisteredModel" ("id") ON DELETE CASCADE ON UPDATE CASCADE
);
INSERT INTO "new_AliasChange" ("action", "actor", "alias", "createdAt", "fromVersion", "id", "modelId", "reason", "toVersion") SELECT "action", "actor", "alias", "createdAt", "fromVersion", "id", "modelId", "reason", "toVersion" FROM "AliasChange";
DROP TABLE "AliasChange";
ALTER TABLE "new_AliasChange" RENAME TO "AliasChange";
CREATE INDEX "AliasChange_modelId_alias_id_idx" ON "AliasChange"("modelId", "alias", "id");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

