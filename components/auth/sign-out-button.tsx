"use client";

export function SignOutButton() {
  async function signOut() {
    await fetch("/api/v1/session", { method: "DELETE" });
    window.location.assign("/login");
  }
  return (
    <button type="button" onClick={signOut} className="rounded px-2 py-1 text-xs text-slate-300 hover:bg-slate-800 hover:text-white">
      Sign out
    </button>
  );
}
