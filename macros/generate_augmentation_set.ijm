// Generate an augmentation set: synthetic images drawn from a trained synthesis model, written
// as output_folder/<class>/sample_00001.png ..., ready to add to a training set (for instance
// the class folders of a classifier's training data).
//
// Each class is drawn with its own call, so a loop like this one can give classes different
// counts, or skip some. The same seed gives the same images.
//
// Arguments (each optional; the defaults use the tiny two-class shapes model of the repository's
// test data, when Fiji's current directory is the repository):
//   model          a synthesis model (model.zip)        default test-data/models/shapes_acgan_tiny.zip
//   output_folder  where the images go                  default <temp>/fiji-gan-augmentation
//   count          images per class                     default 16
//   seed           random seed                          default 1
//
// In Fiji: Plugins > Macros > Run..., after changing the defaults below. Headless:
//   fiji --headless -batch generate_augmentation_set.ijm "model=[/runs/lesions/model.zip] output_folder=[/data/synthetic] count=500"

args = getArgument();
model = call("ij.Macro.getValue", args, "model", "test-data/models/shapes_acgan_tiny.zip");
output = call("ij.Macro.getValue", args, "output_folder", getDirectory("temp") + "fiji-gan-augmentation");
count = parseInt(call("ij.Macro.getValue", args, "count", "16"));
seed = parseInt(call("ij.Macro.getValue", args, "seed", "1"));
if (isNaN(count) || count < 1) exit("count must be a whole number of at least 1");
if (isNaN(seed)) exit("seed must be a whole number");

run("GAN Macro Functions");
info = Ext.modelInfo(model);
if (!startsWith(info, "ok")) exit(info);

// The model's classes are on the "Classes: a, b" line of its description; a model without
// classes (DCGAN, WGAN-GP, SN-GAN) has none and is drawn from once.
classes = newArray("");
lines = split(info, "\n");
for (i = 0; i < lines.length; i++) {
    if (startsWith(lines[i], "Classes: ")) {
        classes = split(substring(lines[i], lengthOf("Classes: ")), ",");
    }
}

for (k = 0; k < classes.length; k++) {
    name = String.trim(classes[k]);
    status = Ext.generate(model, output, count, name, seed);
    print(status);
    if (!startsWith(status, "ok")) exit(status);
}
print("Augmentation set in " + output);
