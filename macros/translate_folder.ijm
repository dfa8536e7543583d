// Translate a folder: every image of input_folder through a translation model (pix2pix,
// CycleGAN or TorchScript), written as calibrated TIFFs of the inputs' type and units to
// output_folder/NAME.tif. Large images are tiled; stacks go slice by slice.
//
// Arguments:
//   model          a translation model (model.zip)                 required
//   input_folder   the images to translate                         required
//   output_folder  where the results go                            default <input_folder>_translated
//   direction      A->B or B->A (CycleGAN); empty: the model's own  default empty
//
// In Fiji: Plugins > Macros > Run..., after changing the defaults below. Headless:
//   fiji --headless -batch translate_folder.ijm "model=[/models/t1t2.zip] input_folder=[/data/t1] output_folder=[/data/t2] direction=A->B"

args = getArgument();
model = call("ij.Macro.getValue", args, "model", "");
input = call("ij.Macro.getValue", args, "input_folder", "");
if (model == "" || input == "") exit("model and input_folder are required, e.g. model=[/models/t1t2.zip] input_folder=[/data/t1]");
output = call("ij.Macro.getValue", args, "output_folder", input + "_translated");
direction = call("ij.Macro.getValue", args, "direction", "");

run("GAN Macro Functions");
info = Ext.modelInfo(model);
if (!startsWith(info, "ok")) exit(info);
status = Ext.translate(model, input, output, direction);
print(status);
if (!startsWith(status, "ok")) exit(status);
