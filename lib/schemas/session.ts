import { z } from "zod";
import { LIMITS } from "./limits";

export const signInBody = z.strictObject({
  token: z.string().min(1, "paste an API token").max(LIMITS.tokenChars, `must be at most ${LIMITS.tokenChars} characters (an API token is 48)`),
});
