import { z } from "zod";
import { SCOPES } from "../auth/token-hash";
import { name } from "./common";

export const createTokenBody = z.strictObject({ name, scope: z.enum(SCOPES) });
export const tokenIdParams = z.object({ id: z.coerce.number().int().positive() });
