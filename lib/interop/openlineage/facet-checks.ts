import { z } from "zod";
import { pathString } from "../../http/errors";
import { isObject, parseEventTime, type Facets, type OpenLineageEvent } from "./schema";

// Standard facets with missing or mistyped fields are accepted (Marquez accepts them, and losing a
// whole run over one malformed facet helps nobody); each problem comes back as a warning with the
// path of the offending field. Only the required fields and types of the standard facet schemas
// (spec/facets/*.json) are checked; custom facets are free-form.

export type Warning = { path: string; message: string };
export const MAX_WARNINGS = 50;

const str = z.string({ error: (iss) => (iss.input === undefined ? "is required" : "must be a string") });
const int = z.number({ error: "must be an integer" }).int("must be an integer").optional();
const dateTime = str.refine((s) => parseEventTime(s) !== null, "must be an ISO-8601 date-time");
const owners = z.array(z.looseObject({ name: str }), { error: "must be an array of {name, type}" }).optional();
const job = z.looseObject({ namespace: str, name: str });

const RUN: Record<string, z.ZodType> = {
  parent: z.looseObject({ run: z.looseObject({ runId: str }, { error: "is required" }), job: z.looseObject(job.shape, { error: "is required" }) }),
  nominalTime: z.looseObject({ nominalStartTime: dateTime, nominalEndTime: dateTime.nullish() }),
  errorMessage: z.looseObject({ message: str, programmingLanguage: str }),
};
const JOB: Record<string, z.ZodType> = {
  sql: z.looseObject({ query: str }),
  documentation: z.looseObject({ description: str }),
  ownership: z.looseObject({ owners }),
  sourceCodeLocation: z.looseObject({ type: str, url: str }),
};
const DATASET: Record<string, z.ZodType> = {
  schema: z.looseObject({ fields: z.array(z.looseObject({ name: str }), { error: "must be an array of fields" }).optional() }),
  documentation: z.looseObject({ description: str }),
  ownership: z.looseObject({ owners }),
  version: z.looseObject({ datasetVersion: str }),
  dataSource: z.looseObject({ name: str.optional(), uri: str.optional() }),
};
const INPUT: Record<string, z.ZodType> = {
  dataQualityMetrics: z.looseObject({ columnMetrics: z.record(z.string(), z.unknown(), { error: "is required (an object of per-column metrics)" }), rowCount: int, bytes: int, fileCount: int }),
};
const OUTPUT: Record<string, z.ZodType> = {
  outputStatistics: z.looseObject({ rowCount: int, size: int, fileCount: int }),
};

function check(where: string, facets: Facets | undefined, schemas: Record<string, z.ZodType>, out: Warning[]) {
  for (const [name, facet] of Object.entries(facets ?? {})) {
    const at = `${where}.${name}`;
    if (!isObject(facet)) {
      out.push({ path: at, message: "a facet must be a JSON object; kept as sent" });
      continue;
    }
    const schema = Object.hasOwn(schemas, name) ? schemas[name] : undefined;
    const result = schema?.safeParse(facet);
    if (result && !result.success) {
      const issue = result.error.issues[0];
      out.push({ path: `${at}${issue.path.length ? `.${pathString(issue.path)}` : ""}`, message: `${issue.message}; the facet is kept as sent` });
    }
  }
}

export function facetWarnings(event: OpenLineageEvent): Warning[] {
  const out: Warning[] = [];
  if (event.kind === "DatasetEvent") {
    check("dataset.facets", event.dataset.facets, DATASET, out);
    return out.slice(0, MAX_WARNINGS);
  }
  if (event.kind === "RunEvent") check("run.facets", event.run.facets, RUN, out);
  check("job.facets", event.job.facets, JOB, out);
  event.inputs.forEach((d, i) => {
    check(`inputs.${i}.facets`, d.facets, DATASET, out);
    check(`inputs.${i}.inputFacets`, d.inputFacets, INPUT, out);
  });
  event.outputs.forEach((d, i) => {
    check(`outputs.${i}.facets`, d.facets, DATASET, out);
    check(`outputs.${i}.outputFacets`, d.outputFacets, OUTPUT, out);
  });
  return out.slice(0, MAX_WARNINGS);
}
