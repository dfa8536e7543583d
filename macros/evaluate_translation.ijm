// Evaluate a translation model on held-out pairs: translate every image of input_folder, then
// measure each result against the reference image of the same name (full-reference metrics in
// the images' own units). Writes output_folder/translated/NAME.tif, output_folder/metrics.csv
// (one row per image) and output_folder/metrics_summary.csv (mean, sd, min, max per metric).
//
// Arguments:
//   model             a translation model (model.zip)                      required
//   input_folder      the held-out inputs (e.g. testA)                     required
//   reference_folder  their true translations, same names (e.g. testB)     required
//   output_folder     where the results and the tables go                 default <input_folder>_evaluation
//   direction         A->B or B->A (CycleGAN); empty: the model's own       default empty
//   metrics           comma separated: psnr, mse, mae, ssim, ssim_uniform,  default psnr, ssim, ms_ssim, gmsd, haarpsi
//                     ms_ssim (images of 161 px or more), gmsd, ms_gmsd, mdsi, haarpsi
//   data_range        the width of the value range: 255 for 8-bit,         default 255
//                     65535 for 16-bit, e.g. 2000 for CT in HU
//
// Headless:
//   fiji --headless -batch evaluate_translation.ijm "model=[/models/mr2ct.zip] input_folder=[/data/testA] reference_folder=[/data/testB] data_range=2000"

args = getArgument();
model = call("ij.Macro.getValue", args, "model", "");
input = call("ij.Macro.getValue", args, "input_folder", "");
reference = call("ij.Macro.getValue", args, "reference_folder", "");
if (model == "" || input == "" || reference == "") exit("model, input_folder and reference_folder are required, e.g. model=[/models/mr2ct.zip] input_folder=[/data/testA] reference_folder=[/data/testB]");
output = call("ij.Macro.getValue", args, "output_folder", input + "_evaluation");
direction = call("ij.Macro.getValue", args, "direction", "");
metrics = call("ij.Macro.getValue", args, "metrics", "");
range = parseFloat(call("ij.Macro.getValue", args, "data_range", "255"));
if (isNaN(range) || range <= 0) exit("data_range must be a positive number");

run("GAN Macro Functions");
translated = output + File.separator + "translated";
status = Ext.translate(model, input, translated, direction);
print(status);
if (!startsWith(status, "ok")) exit(status);
status = Ext.evaluateQuality(reference, translated, output, metrics, range);
print(status);
if (!startsWith(status, "ok")) exit(status);
