import { z } from "zod";
import { ingestBatchBody } from "../schemas/ingest";
import { openLineageBatchBody, openLineageEventBody } from "../interop/openlineage/schema";
import { lineageQuery } from "../schemas/lineage";
import { lineageExportQuery } from "../schemas/lineage-export";
import { artifactParams, executionParams, executionsQuery } from "../schemas/query";
import { artifactsQuery, executionFieldsQuery, searchQuery } from "../schemas/explore";
import { changesQuery } from "../schemas/live";
import { aliasParams, bestQuery, modelParams, modelsQuery, promoteBody, rollbackBody } from "../schemas/registry";
import { seriesQuery } from "../schemas/series";
import { signInBody } from "../schemas/session";
import { createTokenBody, tokenIdParams } from "../schemas/tokens";
import { operation } from "./build";
import { cmfOpenApiPaths } from "../interop/cmf/openapi";
import { mlflowOpenApiPaths } from "../interop/mlflow/openapi";
import { adminOpenApiPaths, LIMITS_DESCRIPTION } from "./admin-paths";
import { blobOpenApiPaths } from "../blobs/openapi";

// GET /api/v1/openapi.json — every endpoint the server serves. A unit test checks that each route
// file under app/api appears here with the methods it exports.
export function openApiDocument() {
  return {
    openapi: "3.1.0",
    info: {
      title: "Provscope API",
      version: "1",
      description:
        `Metadata, lineage and model provenance for hybrid simulation + AI workflows. Errors always have the shape {error:{code,message,path?,position?}}. ${LIMITS_DESCRIPTION}`,
    },
    components: {
      securitySchemes: { bearer: { type: "http", scheme: "bearer", description: "An API token (read < write < admin)." } },
      schemas: {
        Error: {
          type: "object",
          required: ["error"],
          properties: {
            error: {
              type: "object",
              required: ["code", "message"],
              properties: {
                code: { type: "string" },
                message: { type: "string" },
                path: { type: "string", description: "the field at fault, e.g. ops.3.values.2" },
                position: { type: "integer", description: "0-based offset of a filter syntax error" },
              },
            },
          },
        },
      },
    },
    security: [{ bearer: [] }],
    paths: {
      "/api/health": {
        get: operation({
          summary:
            "Readiness: {ok:true, demo:{state, step}} once the database is migrated. demo.state: running, completed or failed while/after this server runs the built-in demo workflow on an empty database; skipped (database not empty) or disabled (PROVSCOPE_DEMO=0). demo.step: its latest progress line",
          scope: "public",
        }),
      },
      "/api/v1/openapi.json": { get: operation({ summary: "This document", scope: "public" }) },
      "/api/v1/batches": {
        post: operation({ summary: "Apply a batch of ingest operations atomically; a repeated batchId returns the first response", scope: "write", body: ingestBatchBody }),
      },
      "/api/v1/pipelines": { get: operation({ summary: "Pipelines with stages and execution counts", scope: "read" }) },
      "/api/v1/executions": { get: operation({ summary: "Executions: filter language, sort, cursor paging", scope: "read", query: executionsQuery }) },
      "/api/v1/executions/{uuid}": { get: operation({ summary: "One execution with params, inputs, outputs, metrics, series keys", scope: "read", path: executionParams }) },
      "/api/v1/executions/fields": { get: operation({ summary: "The params.* and metrics.* keys present (for column pickers and filter autocomplete)", scope: "read", query: executionFieldsQuery }) },
      "/api/v1/artifacts": { get: operation({ summary: "Artifacts: filter by type and text (name, uri, hash prefix), sort, cursor paging", scope: "read", query: artifactsQuery }) },
      "/api/v1/search": { get: operation({ summary: "Type-ahead search: pipelines, stages, executions, artifacts (name, uri, hash prefix), models and versions", scope: "read", query: searchQuery }) },
      "/api/v1/changes": {
        get: operation({ summary: "Incremental polling: executions, series and lineage events changed since a cursor; watched executions with stall flags", scope: "read", query: changesQuery }),
      },
      "/api/v1/artifacts/{id}": { get: operation({ summary: "One artifact with producers, consumers, model versions", scope: "read", path: artifactParams }) },
      "/api/v1/lineage": {
        get: operation({ summary: "A bounded lineage subgraph around a node, with hidden-neighbour counts", scope: "read", query: lineageQuery }),
        post: operation({
          summary: "OpenLineage: one RunEvent, JobEvent or DatasetEvent (Marquez-compatible; a retried event writes nothing; facet problems come back as warnings)",
          scope: "write",
          body: openLineageEventBody,
          ok: 201,
        }),
      },
      "/api/v1/lineage/batch": {
        post: operation({
          summary: "OpenLineage: an array of events applied in order, answered with the spec's {status: success|partial_success, summary, failed_events}",
          scope: "write",
          body: openLineageBatchBody,
        }),
      },
      "/api/v1/lineage/export": {
        get: operation({
          summary: "A lineage subgraph as a download: W3C PROV-JSON (format=prov) or plain nodes and edges (format=graph)",
          scope: "read",
          query: lineageExportQuery,
        }),
      },
      "/api/v1/series": { get: operation({ summary: "A step-metric series downsampled to min/max/last buckets", scope: "read", query: seriesQuery }) },
      "/api/v1/models": { get: operation({ summary: "Registered models, filtered by name (q), sorted and paged by cursor", scope: "read", query: modelsQuery }) },
      "/api/v1/models/{name}": { get: operation({ summary: "A model's versions with metrics, datasets and aliases", scope: "read", path: modelParams }) },
      "/api/v1/models/{name}/best": {
        get: operation({ summary: "The version with the best value of a metric (what a driver should deploy)", scope: "read", path: modelParams, query: bestQuery }),
      },
      "/api/v1/models/{name}/aliases/{alias}": {
        get: operation({ summary: "The version an alias points at now", scope: "read", path: aliasParams }),
        post: operation({ summary: "Promote: point the alias at a version (recorded in the history)", scope: "write", path: aliasParams, body: promoteBody }),
      },
      "/api/v1/models/{name}/aliases/{alias}/rollback": {
        post: operation({ summary: "Roll the alias back to the previous version, or the one given", scope: "write", path: aliasParams, body: rollbackBody }),
      },
      "/api/v1/models/{name}/aliases/{alias}/history": {
        get: operation({ summary: "Every change of the alias, oldest first (append-only)", scope: "read", path: aliasParams }),
      },
      "/api/v1/tokens": {
        get: operation({ summary: "API tokens (never their secrets)", scope: "admin" }),
        post: operation({ summary: "Create a token; the secret is only in this response", scope: "admin", body: createTokenBody, ok: 201 }),
      },
      "/api/v1/session": {
        get: operation({ summary: "The token the dashboard session is signed in with (name, scope)", scope: "read" }),
        post: operation({ summary: "Sign the dashboard in: keeps the token in an httpOnly SameSite=Strict cookie", scope: "public", body: signInBody }),
        delete: operation({ summary: "Sign the dashboard out", scope: "public" }),
      },
      "/api/v1/tokens/{id}": { delete: operation({ summary: "Revoke a token", scope: "admin", path: z.object({ id: tokenIdParams.shape.id }) }) },
      // The artifact file store (raw bytes in and out).
      ...blobOpenApiPaths(),
      // Operations: online backup; unknown paths.
      ...adminOpenApiPaths(),
      // Interop: CMF's push and the MLflow tracking subset (their own success and error shapes).
      ...cmfOpenApiPaths(),
      ...mlflowOpenApiPaths(),
    },
  };
}
