// The structural rules of PROV-JSON (W3C Member Submission, https://www.w3.org/submissions/prov-json/)
// for the parts Provscope emits, as a checker the unit and e2e tests run over exported documents:
// known top-level sections, required keys per relation (PROV-DM), every reference resolving to a
// record of the right kind, declared prefixes, xsd:dateTime times. Returns the problems found.

type Section = "entity" | "activity" | "agent" | "used" | "wasGeneratedBy" | "wasDerivedFrom" | "wasAssociatedWith";

const RECORDS: Section[] = ["entity", "activity", "agent"];
// Per relation: its required keys, and which section each reference key must point into.
const RELATIONS: Record<Exclude<Section, "entity" | "activity" | "agent">, { required: string[]; refs: Record<string, Section> }> = {
  used: { required: ["prov:activity", "prov:entity"], refs: { "prov:activity": "activity", "prov:entity": "entity" } },
  wasGeneratedBy: { required: ["prov:entity", "prov:activity"], refs: { "prov:entity": "entity", "prov:activity": "activity" } },
  wasDerivedFrom: {
    required: ["prov:generatedEntity", "prov:usedEntity"],
    refs: { "prov:generatedEntity": "entity", "prov:usedEntity": "entity", "prov:activity": "activity", "prov:generation": "wasGeneratedBy", "prov:usage": "used" },
  },
  wasAssociatedWith: { required: ["prov:activity"], refs: { "prov:activity": "activity", "prov:agent": "agent" } },
};
const SECTIONS = new Set<string>(["prefix", ...RECORDS, ...Object.keys(RELATIONS)]);
const TIME_KEYS = ["prov:startTime", "prov:endTime", "prov:time"];
const XSD_DATETIME = /^-?\d{4,}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;
const QNAME = /^([A-Za-z_][A-Za-z0-9_.-]*):[^\s]*$/;

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === "object" && !Array.isArray(v);

export function provProblems(doc: unknown): string[] {
  const problems: string[] = [];
  if (!isObject(doc)) return ["the document must be a JSON object"];
  const prefixes = isObject(doc.prefix) ? doc.prefix : {};
  for (const [p, iri] of Object.entries(prefixes)) if (typeof iri !== "string" || iri === "") problems.push(`prefix ${p} must map to an IRI`);
  const declared = (qn: string) => {
    if (qn.startsWith("_:")) return true;
    const m = QNAME.exec(qn);
    return !!m && (m[1] === "prov" || m[1] === "xsd" || Object.hasOwn(prefixes, m[1]));
  };

  for (const key of Object.keys(doc)) if (!SECTIONS.has(key)) problems.push(`unknown top-level key ${key}`);
  const section = (s: string) => (isObject(doc[s]) ? (doc[s] as Record<string, unknown>) : {});
  for (const s of [...RECORDS, ...Object.keys(RELATIONS)]) if (doc[s] !== undefined && !isObject(doc[s])) problems.push(`${s} must be an object keyed by identifier`);

  for (const s of [...RECORDS, ...Object.keys(RELATIONS)]) {
    for (const [id, rec] of Object.entries(section(s))) {
      if (!declared(id)) problems.push(`${s} ${id}: the identifier's prefix is not declared`);
      if (!isObject(rec)) {
        problems.push(`${s} ${id} must be an object of attributes`);
        continue;
      }
      for (const [attr, value] of Object.entries(rec)) {
        if (!declared(attr)) problems.push(`${s} ${id}: attribute ${attr} has an undeclared prefix`);
        if (isObject(value) && (!("$" in value) || typeof value.type !== "string")) problems.push(`${s} ${id}: ${attr} must be a literal or {"$", "type"}`);
        if (TIME_KEYS.includes(attr) && (typeof value !== "string" || !XSD_DATETIME.test(value))) problems.push(`${s} ${id}: ${attr} must be an xsd:dateTime`);
      }
    }
  }

  for (const [name, rule] of Object.entries(RELATIONS)) {
    for (const [id, rec] of Object.entries(section(name))) {
      if (!isObject(rec)) continue;
      for (const key of rule.required) if (typeof rec[key] !== "string") problems.push(`${name} ${id}: ${key} is required`);
      for (const [key, target] of Object.entries(rule.refs)) {
        if (rec[key] === undefined) continue;
        if (typeof rec[key] !== "string" || !Object.hasOwn(section(target), rec[key] as string)) {
          problems.push(`${name} ${id}: ${key} ${String(rec[key])} is not an identifier in ${target}`);
        }
      }
    }
  }
  return problems;
}
