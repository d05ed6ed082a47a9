"use client";

import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { applySuggestion, suggest, type SuggestContext } from "./filter-suggest";

export type FilterError = { message: string; position?: number };

type Props = {
  value: string; // the filter applied now (from the address)
  onApply: (filter: string) => void;
  error: FilterError | null; // the server's verdict on `value`
  context: SuggestContext;
};

const EXAMPLE = 'metrics.test_loss < 0.4 AND (params.arch = "resnet" OR params.arch = "bottleneck")';

// The filter language in a search box: autocomplete of fields, operators and values as you type
// (↑↓ to choose, Tab or Enter to take, Esc to close), Enter to apply, and the server's error shown
// under the text at the position it reports.
export function FilterBox({ value, onApply, error, context }: Props) {
  const [draft, setDraft] = useState(value);
  const [caret, setCaret] = useState(value.length);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  // The address changed under us (back button, a link): show what is applied.
  useEffect(() => setDraft(value), [value]);

  const suggestions = useMemo(() => suggest(draft, caret, context), [draft, caret, context]);
  const showList = open && suggestions.items.length > 0;

  const take = (index: number) => {
    const item = suggestions.items[index];
    if (!item) return;
    const next = applySuggestion(draft, suggestions, item);
    setDraft(next.text);
    setCaret(next.caret);
    setActive(-1);
    requestAnimationFrame(() => input.current?.setSelectionRange(next.caret, next.caret));
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (showList && (e.key === "ArrowDown" || e.key === "ArrowUp")) {
      e.preventDefault();
      const n = suggestions.items.length;
      setActive((a) => (e.key === "ArrowDown" ? (a + 1) % n : (a - 1 + n) % n));
    } else if (showList && e.key === "Tab" && !e.shiftKey) {
      e.preventDefault();
      take(Math.max(0, active));
    } else if (e.key === "Enter") {
      e.preventDefault();
      if (showList && active >= 0) take(active);
      else {
        setOpen(false);
        onApply(draft.trim());
      }
    } else if (e.key === "Escape") {
      setOpen(false);
    } else if (e.key === " " && e.ctrlKey) {
      e.preventDefault();
      setOpen(true);
    }
  };

  const syncCaret = () => setCaret(input.current?.selectionStart ?? draft.length);
  const dirty = draft.trim() !== value.trim();

  return (
    <div className="relative min-w-[28rem] flex-1">
      <div className={`flex items-center rounded-md border bg-white shadow-xs focus-within:ring-2 ${error ? "border-red-400 focus-within:ring-red-200" : "border-slate-300 focus-within:ring-sky-200"}`}>
        <span aria-hidden className="pl-2.5 font-mono text-[11px] text-slate-400">
          filter
        </span>
        <input
          ref={input}
          role="combobox"
          aria-label="Filter executions"
          aria-expanded={showList}
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={showList && active >= 0 ? `${listId}-${active}` : undefined}
          aria-invalid={error ? true : undefined}
          spellCheck={false}
          autoComplete="off"
          value={draft}
          placeholder={EXAMPLE}
          onChange={(e) => {
            setDraft(e.target.value);
            setCaret(e.target.selectionStart ?? e.target.value.length);
            setOpen(true);
            setActive(-1);
          }}
          onKeyDown={onKeyDown}
          onKeyUp={(e) => (e.key === "ArrowLeft" || e.key === "ArrowRight" || e.key === "Home" || e.key === "End") && syncCaret()}
          onClick={() => {
            syncCaret();
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onBlur={() => setOpen(false)}
          className="h-8 min-w-0 flex-1 bg-transparent px-2 font-mono text-xs text-slate-900 outline-none placeholder:text-slate-400"
        />
        {draft ? (
          <button type="button" aria-label="clear filter" onClick={() => { setDraft(""); onApply(""); }} className="px-1.5 text-slate-400 hover:text-slate-700">
            ×
          </button>
        ) : null}
        <button
          type="button"
          onClick={() => onApply(draft.trim())}
          className={`mr-1 rounded px-2 py-0.5 text-[11px] font-medium ${dirty ? "bg-sky-700 text-white hover:bg-sky-800" : "text-slate-500 hover:bg-slate-100"}`}
        >
          Apply
        </button>
      </div>
      {showList ? (
        <ul id={listId} role="listbox" aria-label="Suggestions" className="absolute z-30 mt-1 max-h-72 w-full max-w-xl overflow-auto rounded-md border border-slate-200 bg-white py-1 text-xs shadow-lg">
          {suggestions.items.map((s, i) => (
            <li
              key={`${s.kind}:${s.label}`}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault(); // keep the focus in the input
                take(i);
              }}
              onMouseEnter={() => setActive(i)}
              className={`flex cursor-pointer items-baseline justify-between gap-3 px-3 py-1 ${i === active ? "bg-sky-50 text-sky-900" : "text-slate-700"}`}
            >
              <span className="font-mono">{s.label}</span>
              <span className="text-[10px] text-slate-400">{s.detail ?? s.kind}</span>
            </li>
          ))}
          <li aria-hidden className="border-t border-slate-100 px-3 pt-1 text-[10px] text-slate-400">
            ↑↓ choose · Tab take · Enter apply · Esc close
          </li>
        </ul>
      ) : null}
      {error ? <ErrorAt text={value} error={error} /> : null}
    </div>
  );
}

// The applied filter again, with the character the server points at marked, and its message.
function ErrorAt({ text, error }: { text: string; error: FilterError }) {
  const pos = error.position;
  const inside = pos !== undefined && pos >= 0 && pos <= text.length;
  return (
    <div role="alert" data-testid="filter-error" data-position={pos} className="mt-1 rounded-md border border-red-200 bg-red-50 px-2.5 py-1.5 text-xs text-red-800">
      {inside ? (
        <div className="mb-0.5 overflow-x-auto whitespace-pre font-mono text-[11px] text-slate-700">
          {text.slice(0, pos)}
          <mark data-testid="filter-error-mark" className="rounded-sm bg-red-200 px-px text-red-900 underline decoration-red-600 decoration-wavy">
            {pos < text.length ? text[pos] : "␣"}
          </mark>
          {text.slice(pos + 1)}
        </div>
      ) : null}
      <span>{error.message}</span>
    </div>
  );
}
