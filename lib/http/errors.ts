// The one error contract: every failure leaves the API as {error:{code,message,path?}}.

export type ErrorBody = { error: { code: string; message: string; path?: string } };

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly path?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }

  toBody(): ErrorBody {
    return { error: { code: this.code, message: this.message, ...(this.path ? { path: this.path } : {}) } };
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
