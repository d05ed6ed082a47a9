// A training loop logged to Provscope: input dataset, per-step loss, final metric, output model,
// registered as the next version. Run: PROVSCOPE_URL=… PROVSCOPE_TOKEN=… npx tsx ingest/ts/examples/train.ts
import { Provscope } from "../src";

const ps = new Provscope(); // PROVSCOPE_URL, PROVSCOPE_TOKEN
const model = process.env.EXAMPLE_MODEL ?? "tiny-mlp";
const run = ps.pipeline(process.env.EXAMPLE_PIPELINE ?? "example-ts").stage("train").execution({ name: "train tiny-mlp", params: { lr: 0.01, epochs: 20 } });
run.logDataset("input", { name: "toy-dataset", uri: "file:///data/toy.h5", hash: "sha256:0a1b2c3d", size: 4096 });

let loss = 1;
for (let step = 0; step < 2000; step++) {
  loss = 0.05 + 0.95 * Math.exp(-step / 300) + 0.01 * Math.sin(step);
  run.logMetric("train_loss", step, loss);
}
run.logExecutionMetrics({ test_loss: loss });
run.logModel("output", { name: model, uri: `file:///models/${model}.pt`, hash: `sha256:${run.uuid}` }); // hash of the weights
const { version } = await ps.registry.registerVersion(model, `sha256:${run.uuid}`, run);
run.end("COMPLETED");
await ps.close();
console.log(JSON.stringify({ execution: run.uuid, version }));
