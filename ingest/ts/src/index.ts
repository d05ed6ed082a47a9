// Provscope TypeScript SDK: log pipelines, executions, artifacts and metrics from a workflow, and
// ask the model registry what to deploy. Talks to the server only over HTTP.
export { Provscope } from "./provscope";
export { HttpClient, DEFAULT_URL, type ClientOptions } from "./client";
export { ProvscopeError } from "./errors";
export { Execution, Pipeline, Stage, type ArtifactInput, type ArtifactType, type Direction, type ExecutionInit } from "./execution";
export { Registry, type AliasMove, type AliasState, type BestVersion, type RegisteredVersion } from "./registry";
export { hashFile } from "./hash";
export { Blobs, type ListedBlob, type UploadOutcome } from "./blobs";
export { pullModel, parseModelRef, type ModelRef, type Pulled } from "./pull";
export type { FileArtifactOptions, LoggedFile } from "./log-file";
export type { BatcherStats, BatchOptions, ProvscopeOptions } from "./options";
