// The model trainers: each architecture trained on the partial dataset plus every OOD sample set
// so far, losses per epoch as series, the test loss on the withheld cluster as the final metric
// the evaluator reads, the weights file as the model artifact and a registered version. Also the
// "quick update" of a deployed model on OOD samples alone (the further iteration after deployment).
import type { Execution } from "../ts/src";
import { ARCHITECTURES, FINE_TUNE, TRAINING } from "./config";
import { secondsSince, STAGES, type Ctx, type Logged } from "./context";
import { concat, normalise, select, type Dataset } from "./dataset";
import { modelLoss, serialiseModel, type EkeModel } from "./eke-model";
import { cloneNet, createNet } from "./mlp";
import type { Deployed } from "./deployed";
import type { ClusterDefinitions } from "./partition";
import { train, type TrainOptions, type TrainResult } from "./train";

export type Arch = keyof typeof ARCHITECTURES;
export type TrainingData = { sets: Array<{ data: Dataset; file: Logged }>; withheld: { data: Dataset; file: Logged }; defs: ClusterDefinitions };
export type Trained = { arch: Arch; model: EkeModel; modelName: string; version: number; testLoss: number; artifact: Logged; execution: string };

export async function trainArchitecture(ctx: Ctx, arch: Arch, iteration: number, data: TrainingData): Promise<Trained> {
  const { name: archName, spec, description } = ARCHITECTURES[arch];
  const model: EkeModel = { model: ctx.names[arch], arch: archName, iteration, norm: data.defs.norm, net: createNet(spec, ctx.rng.fork(`init ${arch} it${iteration}`)) };
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.train).execution({
    name: `train ${archName} it${iteration}`,
    params: { arch: archName, iteration, width: spec.width, blocks: JSON.stringify(spec.blocks), lr: TRAINING.lr, batch: TRAINING.batch, max_epochs: TRAINING.maxEpochs, val_loss_threshold: TRAINING.valThreshold },
    properties: { architecture: description, parameters: model.net.params.length },
  });
  for (const s of data.sets) exec.logDataset("input", s.file);
  exec.logDataset("input", data.withheld.file);
  const all = concat(...data.sets.map((s) => s.data));
  return fit(ctx, exec, model, all, { maxEpochs: TRAINING.maxEpochs, valThreshold: TRAINING.valThreshold, batch: TRAINING.batch, lr: TRAINING.lr }, data, `trained on ${all.rows} samples`);
}

// Continues training `base` (the deployed version) on the given OOD sets alone.
export async function fineTune(ctx: Ctx, base: Deployed, iteration: number, data: TrainingData): Promise<Trained> {
  const arch = (Object.keys(ARCHITECTURES) as Arch[]).find((a) => ARCHITECTURES[a].name === base.model.arch);
  if (!arch) throw new Error(`${base.modelName} v${base.version} has an unknown architecture '${base.model.arch}'`);
  const model: EkeModel = { ...base.model, model: base.modelName, iteration, net: cloneNet(base.model.net) };
  const exec = ctx.ps.pipeline(ctx.names.pipeline).stage(STAGES.train).execution({
    name: `fine-tune ${base.model.arch} it${iteration}`,
    params: { arch: base.model.arch, iteration, init_from: `${base.modelName} v${base.version}`, lr: FINE_TUNE.lr, batch: FINE_TUNE.batch, epochs: FINE_TUNE.epochs, data: "OOD samples only", keep: "weights of the lowest validation loss" },
    properties: { architecture: ARCHITECTURES[arch].description, parameters: model.net.params.length, recipe: "quick update: OOD samples only, fixed epochs, best validation epoch kept" },
  });
  exec.logModel("input", base.artifact);
  for (const s of data.sets) exec.logDataset("input", s.file);
  exec.logDataset("input", data.withheld.file);
  const all = concat(...data.sets.map((s) => s.data));
  const opts: TrainOptions = { maxEpochs: FINE_TUNE.epochs, valThreshold: -Infinity, batch: FINE_TUNE.batch, lr: FINE_TUNE.lr, keepBest: true };
  return fit(ctx, exec, model, all, opts, data, `fine-tuned from v${base.version} on ${all.rows} OOD samples`, arch);
}

async function fit(ctx: Ctx, exec: Execution, model: EkeModel, all: Dataset, opts: TrainOptions, data: TrainingData, what: string, archKey?: Arch): Promise<Trained> {
  const t0 = performance.now();
  const arch = archKey ?? (Object.keys(ARCHITECTURES) as Arch[]).find((a) => ARCHITECTURES[a].name === model.arch)!;
  const z = normalise(all, model.norm);
  const split = {
    train: select(z, (r) => r % TRAINING.valEvery !== 0),
    val: select(z, (r) => r % TRAINING.valEvery === 0),
  };
  const result: TrainResult = train(model.net, split, {
    ...opts,
    onEpoch: (epoch, trainLoss, valLoss) => {
      exec.logMetric("train_loss", epoch, trainLoss);
      exec.logMetric("val_loss", epoch, valLoss);
    },
  }, ctx.rng.fork(`${archKey ? "fine-tune" : "train"} ${arch} it${model.iteration}`));
  const testLoss = modelLoss(model, data.withheld.data);
  exec.logExecutionMetrics({
    test_loss: testLoss,
    val_loss: result.valLoss[result.valLoss.length - 1],
    train_loss: result.trainLoss[result.trainLoss.length - 1],
    epochs: result.epochs,
    stopped_early: result.stoppedEarly ? 1 : 0,
    best_epoch: result.bestEpoch,
    samples: all.rows,
  });
  const file = ctx.work.json(`${model.model.replace(/[^A-Za-z0-9._-]/g, "_")}-it${model.iteration}.json`, serialiseModel(model));
  const logged = await exec.logModel("output", file, { name: model.model, properties: { arch: model.arch, iteration: model.iteration, parameters: model.net.params.length, format: "JSON: spec, normalisation, float64 weights" } });
  const { version } = await ctx.ps.registry.registerVersion(model.model, logged.hash, exec);
  exec.end();
  const stop = result.stoppedEarly ? `stopped early at epoch ${result.epochs}` : `${result.epochs} epochs`;
  ctx.say(`  ${model.arch} it${model.iteration}: ${what}, ${stop}, val ${result.valLoss[result.valLoss.length - 1].toFixed(3)}, test ${testLoss.toFixed(3)} → ${model.model} v${version} (${secondsSince(t0)})`);
  return { arch, model, modelName: model.model, version, testLoss, artifact: { name: logged.name, hash: logged.hash, uri: logged.uri, size: logged.size }, execution: exec.uuid };
}
