export const dynamic = "force-dynamic";

export default function OverviewPage() {
  return <main className="p-6">Provscope</main>;
}
