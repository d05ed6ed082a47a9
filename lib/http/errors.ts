// The one error contract: every failure leaves the API as {error:{code,message,path?}}.

// `position` (0-based character offset) is set for filter syntax errors, so a UI can point at it.
export type ErrorBody = { error: { code: string; message: string; path?: string; position?: number } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
    readonly position?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    const { code, message, path, position } = this;
    return { error: { code, message, ...(path ? { path } : {}), ...(position !== undefined ? { position } : {}) } };
  }
}

export const badRequest = (message: string, code = "bad_request") => new ApiError(400, code, message);
export const unprocessable = (message: string, path?: string, code = "invalid") =>
  new ApiError(422, code, message, path);
export const unauthorized = (message: string) => new ApiError(401, "unauthorized", message);
export const forbidden = (message: string) => new ApiError(403, "forbidden", message);
export const notFound = (message: string) => new ApiError(404, "not_found", message);
export const conflict = (message: string) => new ApiError(409, "conflict", message);
export const tooLarge = (message: string) => new ApiError(413, "too_large", message);

export function pathString(path: ReadonlyArray<PropertyKey>): string {
  return path.map(String).join(".");
}
