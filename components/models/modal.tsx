"use client";

import { useEffect, useRef, type ReactNode } from "react";

// A modal built on <dialog>: focus trapping, Escape and the backdrop come from the browser.
export function Modal({ title, onClose, children }: { title: string; onClose: () => void; children: ReactNode }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog
      ref={ref}
      aria-label={title}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
      className="m-auto w-full max-w-lg rounded-lg border border-slate-200 bg-white p-0 text-sm text-slate-900 shadow-xl backdrop:bg-slate-900/40"
    >
      <header className="flex items-center justify-between border-b border-slate-100 px-4 py-2.5">
        <h2 className="font-semibold">{title}</h2>
        <button type="button" aria-label="Close" onClick={onClose} className="text-slate-400 hover:text-slate-700">
          ×
        </button>
      </header>
      <div className="px-4 py-3">{children}</div>
    </dialog>
  );
}
