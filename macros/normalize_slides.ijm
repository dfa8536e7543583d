// Normalise every slide (or tile) of a folder to one reference stain appearance, by Macenko (stain
// vectors and concentrations) or Reinhard (Lab statistics), written as TIFFs of the inputs' type
// to output_folder/NAME.tif. Handy before training or applying a model on slides from several
// institutions.
//
// Arguments:
//   target         a reference image of the target stain, or a target .json   required
//   input_folder   the slides to normalise                                     required
//   output_folder  where the results go                          default <input_folder>_normalized
//   method         macenko or reinhard                                         default macenko
//
// In Fiji: Plugins > Macros > Run..., after changing the defaults below. Headless:
//   fiji --headless -batch normalize_slides.ijm "target=[/ref/target.png] input_folder=[/slides] method=reinhard"

args = getArgument();
target = call("ij.Macro.getValue", args, "target", "");
input = call("ij.Macro.getValue", args, "input_folder", "");
if (target == "" || input == "") exit("target and input_folder are required, e.g. target=[/ref/target.png] input_folder=[/slides]");
output = call("ij.Macro.getValue", args, "output_folder", input + "_normalized");
method = call("ij.Macro.getValue", args, "method", "macenko");

run("GAN Macro Functions");
status = Ext.normalizeStain(method, target, input, output);
print(status);
if (!startsWith(status, "ok")) exit(status);
