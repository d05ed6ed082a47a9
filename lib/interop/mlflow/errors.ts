import { ZodError } from "zod";
import { ApiError, pathString } from "../../http/errors";
import { FilterSyntaxError } from "../../query/filter/parse";

// MLflow's error contract: {"error_code": "...", "message": "..."} with the HTTP status MLflow's
// server gives each code (mlflow/exceptions.py). Only the MLflow endpoints answer this way.

export const MLFLOW_STATUS = {
  BAD_REQUEST: 400,
  INVALID_PARAMETER_VALUE: 400,
  RESOURCE_ALREADY_EXISTS: 400,
  UNAUTHENTICATED: 401,
  PERMISSION_DENIED: 403,
  RESOURCE_DOES_NOT_EXIST: 404,
  ENDPOINT_NOT_FOUND: 404,
  RESOURCE_CONFLICT: 409,
  // Not retried by MLflow's client (it retries 429 and 5xx): a too-large body will not shrink.
  REQUEST_LIMIT_EXCEEDED: 413,
  INTERNAL_ERROR: 500,
} as const;
export type MlflowErrorCode = keyof typeof MLFLOW_STATUS;

export class MlflowError extends Error {
  readonly status: number;
  constructor(
    readonly code: MlflowErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "MlflowError";
    this.status = MLFLOW_STATUS[code];
  }
}

export const invalidParameter = (message: string) => new MlflowError("INVALID_PARAMETER_VALUE", message);
export const doesNotExist = (message: string) => new MlflowError("RESOURCE_DOES_NOT_EXIST", message);
export const alreadyExists = (message: string) => new MlflowError("RESOURCE_ALREADY_EXISTS", message);

// Provscope's own errors, thrown by the shared lib code, translated by their HTTP status.
const BY_STATUS: Record<number, MlflowErrorCode> = {
  400: "BAD_REQUEST",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "RESOURCE_DOES_NOT_EXIST",
  409: "RESOURCE_CONFLICT",
  413: "REQUEST_LIMIT_EXCEEDED",
  422: "INVALID_PARAMETER_VALUE",
};

export function toMlflowError(err: unknown): MlflowError {
  if (err instanceof MlflowError) return err;
  if (err instanceof ApiError) {
    const where = err.path && !err.message.startsWith(`${err.path}:`) ? `${err.path}: ` : "";
    return new MlflowError(BY_STATUS[err.status] ?? "INTERNAL_ERROR", `${where}${err.message}`);
  }
  if (err instanceof ZodError) {
    const issue = err.issues[0];
    const path = pathString(issue.path);
    return invalidParameter(path ? `${path}: ${issue.message}` : issue.message);
  }
  if (err instanceof FilterSyntaxError) return invalidParameter(`filter: ${err.message}`);
  return new MlflowError("INTERNAL_ERROR", "internal error; the details are in the server log");
}

export function mlflowErrorResponse(err: unknown): Response {
  const e = toMlflowError(err);
  if (e.status >= 500) console.error("[provscope] unexpected error in the MLflow API", err);
  return Response.json({ error_code: e.code, message: e.message }, { status: e.status });
}

// For the MLflow endpoints Provscope does not implement (artifacts, deletes, traces, …).
export async function endpointNotFound(req: Request): Promise<Response> {
  const path = new URL(req.url).pathname;
  return mlflowErrorResponse(new MlflowError("ENDPOINT_NOT_FOUND", `${req.method} ${path} is not part of Provscope's MLflow API subset (see /api/v1/openapi.json)`));
}
