"use client";

// "3 new nodes — show": announces data that arrived without moving what is on screen.
export function NewItemsBanner({ count, noun, onShow, onDismiss }: { count: number; noun: string; onShow: () => void; onDismiss?: () => void }) {
  if (count <= 0) return null;
  return (
    <div role="status" className="flex items-center gap-2 rounded-md border border-sky-200 bg-sky-50 px-3 py-1.5 text-xs text-sky-900">
      <span aria-hidden className="size-1.5 animate-pulse rounded-full bg-sky-500" />
      <span>
        {count} new {noun}
        {count === 1 ? "" : "s"}
      </span>
      <button type="button" onClick={onShow} className="font-medium text-sky-700 underline-offset-2 hover:underline">
        show
      </button>
      {onDismiss ? (
        <button type="button" onClick={onDismiss} aria-label="dismiss" className="ml-auto text-sky-700/70 hover:text-sky-900">
          ×
        </button>
      ) : null}
    </div>
  );
}
