// Every `provscope` command, and the help text generated from them.
import { blobCommands } from "./blobs";
import { backupCommands } from "./backup";
import type { Command } from "./command";
import { exportCommand } from "./export";
import { importCommands } from "./imports";
import { logCommands } from "./log";
import { registryCommands } from "./registry";
import { tokenCommands } from "./tokens";

export const COMMANDS: Command[] = [...logCommands, ...importCommands, exportCommand, ...registryCommands, ...blobCommands, ...tokenCommands, ...backupCommands];

export function helpText(command?: Command | null): string {
  if (command) return `usage: provscope ${command.name} ${command.usage}\n\n${command.summary}\n`;
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    "usage: provscope [--url URL] [--token TOKEN] [--json] COMMAND [ARGS]",
    "",
    "Commands:",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    "",
    "Options:",
    "  --url URL      the server (default $PROVSCOPE_URL, else http://127.0.0.1:3000)",
    "  --token TOKEN  API token (default $PROVSCOPE_TOKEN)",
    "  --json         machine-readable output; errors as {\"error\": {code, message, status}}",
    "  -h, --help     help for a command: provscope COMMAND --help",
    "",
    "Exit codes: 0 ok · 1 the server refused the request (its message is printed) · 2 usage error · 3 cannot connect",
    "",
  ].join("\n");
}
