// `npm run demo -- [options]`: the command line, parsed without dependencies.
export type DemoArgs = { seed?: number; url?: string; token?: string; tokenStdin: boolean; prefix?: string; out?: string; quiet: boolean; help: boolean };

export const USAGE = `usage: npm run demo -- [--seed N] [--url URL] [--token TOKEN | --token-stdin] [--prefix P] [--out DIR] [--quiet]

Runs the paper's continual-learning workflow (Phillips-High → partial dataset → EKE-ResNet and
EKE-Bottleneck → OOD sampler → retraining → deployment into Phillips-Low-ML-EKE → rollback)
against a running Provscope server, computed and logged through the TypeScript SDK.

  --seed N        random seed (default 7): the same seed computes the same numbers
  --url URL       the server (default $PROVSCOPE_URL, else http://127.0.0.1:3000)
  --token TOKEN   a write-scope API token (default $PROVSCOPE_TOKEN)
  --token-stdin   read the token from the first line of stdin; exit when stdin closes later
  --prefix P      prepend P to the pipeline and model names (run beside another demo)
  --out DIR       where the workflow's files go (default data/demo/seed-N)
  --quiet         no progress lines`;

export class UsageError extends Error {}

export function parseArgs(argv: string[]): DemoArgs {
  const a: DemoArgs = { tokenStdin: false, quiet: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].startsWith("--") && argv[i].includes("=") ? [argv[i].slice(0, argv[i].indexOf("=")), argv[i].slice(argv[i].indexOf("=") + 1)] : [argv[i], undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === "") throw new UsageError(`${flag} needs a value`);
      return v;
    };
    switch (flag) {
      case "--seed": {
        const v = value();
        if (!/^\d{1,9}$/.test(v)) throw new UsageError(`--seed must be a whole number from 0 to 999999999, got '${v}'`);
        a.seed = Number(v);
        break;
      }
      case "--url": a.url = value(); break;
      case "--token": a.token = value(); break;
      case "--token-stdin": a.tokenStdin = true; break;
      case "--prefix": a.prefix = value(); break;
      case "--out": a.out = value(); break;
      case "--quiet": a.quiet = true; break;
      case "-h":
      case "--help": a.help = true; break;
      default: throw new UsageError(`unknown option '${argv[i]}'`);
    }
  }
  if (a.token !== undefined && a.tokenStdin) throw new UsageError("give --token or --token-stdin, not both");
  return a;
}
