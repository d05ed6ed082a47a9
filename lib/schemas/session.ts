import { z } from "zod";

export const signInBody = z.strictObject({ token: z.string().min(1, "paste an API token").max(200) });
