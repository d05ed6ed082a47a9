import { jsonSchema } from "../../openapi/build";
import { cmfPushBody } from "../../schemas/cmf";

// OpenAPI entry for CMF's push endpoint, which answers with CMF's status words.
export function cmfOpenApiPaths(): Record<string, Record<string, Record<string, unknown>>> {
  const refusal = (description: string) => ({ description, content: { "application/json": { schema: { type: "object", properties: { status: { type: "string" }, detail: { type: "string" }, error: { type: "object" } } } } } });
  return {
    "/api/mlmd_push": {
      post: {
        summary: "CMF metadata push (cmf metadata push with the server URL set to Provscope's /api)",
        description:
          "Scope: `write`. CMF's client sends no header: give the token as the Basic password, e.g. cmf-server URL http://cmf:TOKEN@host:port/api or a ~/.netrc entry. Executions whose Execution_uuid is known are skipped.",
        tags: ["CMF"],
        requestBody: { required: true, content: { "application/json": { schema: jsonSchema(cmfPushBody) } } },
        responses: {
          200: { description: '{"status": "success"} when something was written, {"status": "exists"} when every execution was known', content: { "application/json": { schema: { type: "object", properties: { status: { enum: ["success", "exists"] } } } } } },
          400: refusal("invalid_json_payload: no Pipeline in json_payload (or malformed JSON)"),
          401: refusal("missing or invalid token"),
          404: refusal("pipeline_not_exist: pipeline_name is not in json_payload"),
          422: refusal("version_update: an execution has no Execution_uuid (old cmf client), or a schema error"),
        },
      },
    },
  };
}
