// Train a synthesis GAN (DCGAN, WGAN-GP, SN-GAN or AC-GAN) from a config file.
//
// The config is a JSON file naming the "kind" and any setting to change from that kind's
// defaults (keys in docs/model-format.md). A relative "data" folder in it is taken from the
// config file's own folder. Running the macro again on the same run folder resumes the run from
// its last checkpoint; Esc stops it after the current iteration with a checkpoint to resume from.
//
// Arguments (each optional; the defaults train a tiny DCGAN on the repository's test shapes,
// when Fiji's current directory is the repository):
//   config      the config file (JSON)                 default test-data/configs/shapes_dcgan_tiny.json
//   run_folder  where the run's files and model go     default <temp>/fiji-gan-runs/shapes_dcgan
//
// In Fiji: Plugins > Macros > Run..., after changing the defaults below. Headless:
//   fiji --headless -batch train_from_config.ijm "config=[/data/configs/ct.json] run_folder=[/runs/ct]"

args = getArgument();
config = call("ij.Macro.getValue", args, "config", "test-data/configs/shapes_dcgan_tiny.json");
runFolder = call("ij.Macro.getValue", args, "run_folder", getDirectory("temp") + "fiji-gan-runs" + File.separator + "shapes_dcgan");

run("GAN Macro Functions");
print("Training from " + config + " into " + runFolder);
status = Ext.train(config, runFolder);
print(status);
if (!startsWith(status, "ok")) exit(status);

// The run folder now holds config.json, history.csv, losses.png, samples/ and model.zip.
print(Ext.modelInfo(runFolder + File.separator + "model.zip"));
