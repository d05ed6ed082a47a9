import { defineConfig } from "@playwright/test";

// One PORT feeds baseURL and the web server. The server runs on its own fresh SQLite file with
// a known admin token, exactly as `npm start` runs it.
const PORT = Number(process.env.E2E_PORT ?? 3100);
export const ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? "pvs_e2e_admin_token_0123456789abcdef";
const DATABASE_URL = process.env.E2E_DATABASE_URL ?? `file:./.e2e/e2e-${process.pid}.db`;
// Set in the environment, so the blob specs (run in worker processes) find the server's store.
const BLOB_DIR = (process.env.E2E_BLOB_DIR ??= `.e2e/blobs-${process.pid}`);

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    extraHTTPHeaders: {},
    trace: "retain-on-failure",
  },
  projects: [
    { name: "api", testMatch: /api\/.*\.spec\.ts$/ },
    {
      name: "ui",
      testMatch: /ui\/.*\.spec\.ts$/,
      use: {
        browserName: "chromium",
        viewport: { width: 1400, height: 900 },
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
          args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        },
      },
    },
  ],
  webServer: {
    command: "node scripts/start.mjs",
    url: `http://127.0.0.1:${PORT}/api/health`,
    timeout: 300_000,
    reuseExistingServer: false,
    stdout: "pipe",
    stderr: "pipe",
    env: {
      PORT: String(PORT),
      HOST: "127.0.0.1",
      DATABASE_URL,
      PROVSCOPE_BLOB_DIR: BLOB_DIR,
      PROVSCOPE_ADMIN_TOKEN: ADMIN_TOKEN,
      PROVSCOPE_DEMO: "1",
      // Small enough that the 413 test need not send 64 MiB.
      PROVSCOPE_MAX_BODY_BYTES: String(8 * 1024 * 1024),
    },
  },
});
