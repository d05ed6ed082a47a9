import { ARTIFACT_STYLE, STATUS_STYLE } from "./cy-style";

// What the shapes and colours mean. Drawn as small SVGs close to cytoscape's shapes.

const SHAPES: Record<string, string> = {
  barrel: "M2 3 Q8 0 14 3 L14 9 Q8 12 2 9 Z",
  hexagon: "M4 1 L12 1 L15 6 L12 11 L4 11 L1 6 Z",
  tag: "M1 1 L11 1 L15 6 L11 11 L1 11 Z",
  "cut-rectangle": "M4 1 L12 1 L15 4 L15 8 L12 11 L4 11 L1 8 L1 4 Z",
  ellipse: "M1 6 A7 5 0 1 0 15 6 A7 5 0 1 0 1 6 Z",
  "round-rectangle": "M4 1 L12 1 Q15 1 15 4 L15 8 Q15 11 12 11 L4 11 Q1 11 1 8 L1 4 Q1 1 4 1 Z",
};

function Swatch({ shape, fill, border, label }: { shape: string; fill: string; border: string; label: string }) {
  return (
    <span className="inline-flex items-center gap-1">
      <svg viewBox="0 0 16 12" className="h-3 w-4" aria-hidden>
        <path d={SHAPES[shape]} fill={fill} stroke={border} strokeWidth="1.3" />
      </svg>
      {label}
    </span>
  );
}

export function Legend() {
  return (
    <details open className="absolute bottom-2 left-2 max-w-[calc(100%-210px)] rounded border border-slate-200 bg-white/90 px-2 py-1 text-[10px] text-slate-600">
      <summary className="cursor-pointer select-none text-slate-500">Legend</summary>
      <div aria-label="Legend" className="flex flex-wrap gap-x-3 gap-y-1 pt-1">
      {Object.entries(ARTIFACT_STYLE).map(([type, s]) => (
        <Swatch key={type} shape={s.shape} fill={s.fill} border={s.border} label={type.replace("_", " ")} />
      ))}
      {Object.entries(STATUS_STYLE).map(([status, s]) => (
        <Swatch key={status} shape="round-rectangle" fill={s.fill} border={s.border} label={`run ${status}`} />
      ))}
      <span>◂ +n / +n ▸ hidden upstream / downstream: click to expand</span>
      <span>double border: a cluster</span>
      </div>
    </details>
  );
}
