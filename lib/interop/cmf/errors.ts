// The refusals of CMF's server, with its status codes; the body carries FastAPI's {"detail": …},
// the status word CMF's client looks for on 422, and Provscope's error envelope.

export type CmfRefusal = "invalid_json_payload" | "pipeline_not_exist" | "version_update" | "execution_not_found";

const STATUS: Record<CmfRefusal, number> = {
  invalid_json_payload: 400,
  pipeline_not_exist: 404,
  execution_not_found: 404,
  version_update: 422,
};

export class CmfError extends Error {
  readonly status: number;
  constructor(
    readonly refusal: CmfRefusal,
    readonly detail: string,
    readonly hint: string,
  ) {
    super(detail);
    this.name = "CmfError";
    this.status = STATUS[refusal];
  }

  toResponse(): Response {
    return Response.json(
      { status: this.refusal, detail: this.detail, error: { code: this.refusal, message: `${this.detail} ${this.hint}`.trim() } },
      { status: this.status },
    );
  }
}
