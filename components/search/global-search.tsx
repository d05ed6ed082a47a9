"use client";

import { useRouter } from "next/navigation";
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { useSearch } from "@/components/api/hooks/use-search";
import { searchGroups, step, type SearchItem } from "./search-items";

const KIND_BADGE: Record<SearchItem["kind"], string> = {
  pipeline: "bg-slate-700 text-slate-100",
  stage: "bg-slate-600 text-slate-100",
  execution: "bg-emerald-800 text-emerald-100",
  artifact: "bg-sky-800 text-sky-100",
  model: "bg-violet-800 text-violet-100",
  version: "bg-violet-700 text-violet-100",
};

// The header's search box: pipelines, stages, executions, artifacts (name, uri, hash prefix), models
// and versions as you type, grouped by kind. "/" focuses it; ↑↓ choose, Enter opens, Esc closes.
export function GlobalSearch() {
  const router = useRouter();
  const [text, setText] = useState("");
  const [query, setQuery] = useState("");
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();

  // Typing settles before asking: one request per pause, not per keystroke.
  useEffect(() => {
    const t = setTimeout(() => setQuery(text.trim()), 120);
    return () => clearTimeout(t);
  }, [text]);

  useEffect(() => {
    const onKey = (e: globalThis.KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      const typing = target && (target.isContentEditable || ["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName));
      if (e.key === "/" && !typing && !e.metaKey && !e.ctrlKey) {
        e.preventDefault();
        input.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, []);

  const result = useSearch(query);
  const groups = useMemo(() => (result.data && query ? searchGroups(result.data) : []), [result.data, query]);
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  const current = Math.min(active, items.length - 1);
  const showPanel = open && text.trim().length > 0;

  const go = (item: SearchItem | undefined) => {
    if (!item) return;
    setOpen(false);
    setText("");
    input.current?.blur();
    router.push(item.href);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      setOpen(true);
      setActive(step(current, e.key === "ArrowDown" ? 1 : -1, items.length));
    } else if (e.key === "Enter") {
      e.preventDefault();
      go(items[current]);
    } else if (e.key === "Escape") {
      setOpen(false);
      input.current?.blur();
    }
  };

  return (
    <div className="relative w-full max-w-sm">
      <input
        ref={input}
        type="search"
        role="combobox"
        aria-label="Search everything"
        aria-expanded={showPanel}
        aria-controls={listId}
        aria-activedescendant={showPanel && items[current] ? `${listId}-${current}` : undefined}
        autoComplete="off"
        spellCheck={false}
        value={text}
        placeholder="Search runs, artifacts, hashes, models…  /"
        onChange={(e) => {
          setText(e.target.value);
          setActive(0);
          setOpen(true);
        }}
        onFocus={() => setOpen(true)}
        onBlur={() => setOpen(false)}
        onKeyDown={onKeyDown}
        className="h-8 w-full rounded-md border border-slate-700 bg-slate-800 px-3 text-xs text-slate-100 outline-none placeholder:text-slate-500 focus:border-sky-500 focus:bg-slate-950 focus:ring-1 focus:ring-sky-500"
      />
      {showPanel ? (
        <div id={listId} role="listbox" aria-label="Search results" className="absolute right-0 z-50 mt-1 max-h-[70vh] w-[34rem] max-w-[90vw] overflow-auto rounded-md border border-slate-200 bg-white py-1 text-xs text-slate-800 shadow-xl">
          {groups.length === 0 ? (
            <p className="px-3 py-2 text-slate-500">{result.isFetching || query !== text.trim() ? "searching…" : `Nothing matches “${text.trim()}”.`}</p>
          ) : (
            groups.map((g) => (
              <div key={g.kind} role="group" aria-label={g.title}>
                <div className="px-3 pb-0.5 pt-1.5 text-[10px] font-semibold uppercase tracking-wider text-slate-400">{g.title}</div>
                {g.items.map((item) => {
                  const index = items.indexOf(item);
                  return (
                    <div
                      key={item.id}
                      id={`${listId}-${index}`}
                      role="option"
                      aria-selected={index === current}
                      data-kind={item.kind}
                      onMouseDown={(e) => e.preventDefault()}
                      onClick={() => go(item)}
                      onMouseEnter={() => setActive(index)}
                      className={`flex cursor-pointer items-center gap-2 px-3 py-1 ${index === current ? "bg-sky-50" : ""}`}
                    >
                      <span className={`w-16 shrink-0 rounded px-1 py-px text-center text-[10px] ${KIND_BADGE[item.kind]}`}>{item.kind}</span>
                      <span className="max-w-[55%] shrink-0 truncate font-medium" title={item.label}>
                        {item.label}
                      </span>
                      {item.mono ? <span className="min-w-0 flex-1 truncate font-mono text-[10px] text-slate-500" title={item.mono}>{item.mono}</span> : <span className="flex-1" />}
                      <span className="max-w-[40%] shrink-0 truncate text-[10px] text-slate-400">{item.detail}</span>
                    </div>
                  );
                })}
              </div>
            ))
          )}
        </div>
      ) : null}
    </div>
  );
}
