// An API token as GET /api/v1/tokens lists it: never the secret, only a prefix to recognise it.
export type TokenRow = {
  id: number;
  name: string;
  scope: "read" | "write" | "admin";
  prefix: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
};

// POST /api/v1/tokens answers with the secret, once.
export type CreatedToken = Pick<TokenRow, "id" | "name" | "scope" | "prefix" | "createdAt"> & { token: string };
