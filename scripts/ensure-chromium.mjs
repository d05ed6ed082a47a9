// Run before Playwright by `npm run test:e2e`: the UI tests drive Debian's Chromium, because
// Playwright's own browser download cannot work offline. Installs it when we are root (CI),
// otherwise says exactly how to get it.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const wanted = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
if (existsSync(wanted)) process.exit(0);

if (process.env.CHROMIUM_PATH) {
  console.error(`ensure-chromium: CHROMIUM_PATH=${wanted} does not exist. Point it at a Chromium binary, or unset it to use /usr/bin/chromium.`);
  process.exit(1);
}

const isRoot = typeof process.getuid === "function" && process.getuid() === 0;
if (!isRoot) {
  console.error(
    [
      "ensure-chromium: the UI tests need Chromium at /usr/bin/chromium, which is not installed.",
      "  Install it with:   sudo apt-get update && sudo apt-get install -y chromium",
      "  or point CHROMIUM_PATH at an existing Chromium binary:   CHROMIUM_PATH=/path/to/chromium npm run test:e2e",
    ].join("\n"),
  );
  process.exit(1);
}

function run(args) {
  const started = Date.now();
  console.log(`ensure-chromium: ${args.join(" ")}`);
  const r = spawnSync(args[0], args.slice(1), { stdio: "inherit", env: { ...process.env, DEBIAN_FRONTEND: "noninteractive" } });
  if (r.status !== 0) {
    console.error(`ensure-chromium: '${args.join(" ")}' failed (exit ${r.status ?? r.signal}); install chromium by hand and retry.`);
    process.exit(1);
  }
  console.log(`ensure-chromium: done in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

console.log("ensure-chromium: /usr/bin/chromium is missing; installing Debian's chromium package (running as root)");
run(["apt-get", "update"]);
run(["apt-get", "install", "-y", "chromium"]);
if (!existsSync(wanted)) {
  console.error(`ensure-chromium: apt-get finished but ${wanted} is still missing.`);
  process.exit(1);
}
