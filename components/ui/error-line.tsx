// A list's failed request, in one line above the table (nothing when there is no message).
export function ErrorLine({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-1.5 text-xs text-red-800">
      {message}
    </p>
  );
}
