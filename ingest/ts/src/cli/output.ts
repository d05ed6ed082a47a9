// How the CLI answers: human lines on stdout, or one JSON document with --json; notes and
// progress on stderr, so `X=$(provscope …)` captures only the answer.
export class Output {
  constructor(readonly json: boolean) {}

  // The command's answer: `data` as JSON with --json, else the human text.
  result(data: unknown, human: string | (() => string)) {
    if (this.json) process.stdout.write(`${JSON.stringify(data, null, 2)}\n`);
    else {
      const text = typeof human === "string" ? human : human();
      if (text) process.stdout.write(`${text}\n`);
    }
  }

  note(text: string) {
    if (!this.json) process.stderr.write(`${text}\n`);
  }

  progress(label: string, total: number): Progress {
    return new Progress(label, total, !this.json && process.stderr.isTTY === true);
  }
}

export function table(rows: Array<Record<string, unknown>>, columns: string[]): string {
  const cell = (v: unknown) => (v === null || v === undefined ? "" : String(v));
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((r) => cell(r[c]).length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join("  ").trimEnd();
  return [line(columns), ...rows.map((r) => line(columns.map((c) => cell(r[c]))))].join("\n");
}

// A progress bar redrawn in place on a terminal; silent when stderr is not one (CI logs, pipes).
export class Progress {
  private done = 0;
  private lastDraw = 0;

  constructor(
    private readonly label: string,
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  advance(n: number) {
    this.done += n;
    const now = Date.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done >= this.total)) {
      this.lastDraw = now;
      const width = 30;
      const frac = this.total ? Math.min(1, this.done / this.total) : 1;
      const bar = "#".repeat(Math.round(frac * width)).padEnd(width, "-");
      process.stderr.write(`\r${this.label} [${bar}] ${this.done}/${this.total} ${Math.round(frac * 100)}%`);
    }
  }

  finish() {
    if (this.enabled) process.stderr.write("\n");
  }
}
