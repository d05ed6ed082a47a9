import { displayParam, flattenParams } from "@/lib/compare/param-diff";

// A flat key → value table for params and properties (nested objects shown with dotted keys).
export function KeyValues({ values, label, empty }: { values: Record<string, unknown>; label: string; empty: string }) {
  const rows = Object.entries(flattenParams(values)).sort(([a], [b]) => a.localeCompare(b));
  if (rows.length === 0) return <p className="px-3 py-2 text-xs text-slate-400">{empty}</p>;
  return (
    <table aria-label={label} className="w-full text-xs">
      <tbody>
        {rows.map(([k, v]) => (
          <tr key={k} className="border-t border-slate-100 first:border-t-0">
            <th scope="row" className="w-2/5 px-3 py-1 text-left align-top font-mono font-normal text-slate-500">
              {k}
            </th>
            <td className="break-all px-3 py-1 font-mono text-slate-800">{displayParam(v)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
