import { revokeToken } from "@/lib/auth/manage-tokens";
import { db } from "@/lib/db/client";
import { withApi } from "@/lib/http/handler";
import { tokenIdParams } from "@/lib/schemas/tokens";

// DELETE /api/v1/tokens/{id} — revoke a token
export const DELETE = withApi<{ id: string }>(
  async ({ params }) => revokeToken(db(), tokenIdParams.parse(params).id),
  { scope: "admin" },
);
