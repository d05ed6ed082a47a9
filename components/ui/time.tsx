import { formatAbsolute, formatDuration, formatRelative } from "./format";

// Server-rendered times: the text is computed from the request's `now`, so it is deterministic;
// the exact UTC time is one hover away.

export function RelativeTime({ date, now }: { date: Date; now: Date }) {
  return (
    <time dateTime={date.toISOString()} title={formatAbsolute(date)} className="whitespace-nowrap">
      {formatRelative(date, now)}
    </time>
  );
}

export function AbsoluteTime({ date }: { date: Date }) {
  return (
    <time dateTime={date.toISOString()} className="whitespace-nowrap tabular-nums">
      {formatAbsolute(date)}
    </time>
  );
}

// A running execution's duration grows until it ends: show it so, marked as still open.
export function Duration({ start, end, now }: { start: Date; end: Date | null; now: Date }) {
  const ms = (end ?? now).getTime() - start.getTime();
  return (
    <span className="whitespace-nowrap tabular-nums" title={end ? `ended ${formatAbsolute(end)}` : "still running"}>
      {formatDuration(ms)}
      {end ? null : <span className="text-slate-400"> …</span>}
    </span>
  );
}
