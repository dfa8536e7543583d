// Evaluate synthetic data before using it: draw images from a trained synthesis model (AC-GAN:
// every class), compare them with the real training images in an autoencoder's latent space
// (per-class centroid and Frechet distances, box plots, and each synthetic image's nearest real
// image: did the GAN copy patients?), then measure what they do for a classifier (real, real +
// classical augmentation, real + synthetic, tested on held-out real images).
//
// Writes to output_folder:
//   synthetic/<class>/sample_00001.png ...   the drawn images
//   realism/    centroid_distances.csv, sample_distances.csv, memorisation.csv,
//               latent_distances.png, closest_pairs.png, summary.txt
//   benefit/    benefit_runs.csv, benefit_summary.csv, benefit.png
//
// Arguments:
//   model          a synthesis model (model.zip)                          required
//   real_folder    the real training images, one subfolder per class      required
//   test_folder    held-out real images, one subfolder per class          default empty: a quarter
//                                                                                  of the real ones
//   output_folder  where everything goes                                  default <real_folder>_evaluation
//   count          synthetic images per class                             default 100
//   image_size     images are resized to this square size                 default 64
//   epochs         autoencoder training epochs                            default 20
//   repeats        classifier runs (seeds seed, seed+1, ...)              default 3
//   seed           the same seed gives the same images and tables         default 1
//
// Headless:
//   fiji --headless -batch evaluate_synthetic_data.ijm "model=[/runs/lesions/model.zip] real_folder=[/data/lesions/train] test_folder=[/data/lesions/test]"

args = getArgument();
model = call("ij.Macro.getValue", args, "model", "");
real = call("ij.Macro.getValue", args, "real_folder", "");
if (model == "" || real == "") exit("model and real_folder are required, e.g. model=[/runs/lesions/model.zip] real_folder=[/data/lesions/train]");
test = call("ij.Macro.getValue", args, "test_folder", "");
output = call("ij.Macro.getValue", args, "output_folder", real + "_evaluation");
count = parseInt(call("ij.Macro.getValue", args, "count", "100"));
size = parseInt(call("ij.Macro.getValue", args, "image_size", "64"));
epochs = parseInt(call("ij.Macro.getValue", args, "epochs", "20"));
repeats = parseInt(call("ij.Macro.getValue", args, "repeats", "3"));
seed = parseInt(call("ij.Macro.getValue", args, "seed", "1"));
if (isNaN(count) || isNaN(size) || isNaN(epochs) || isNaN(repeats) || isNaN(seed)) exit("count, image_size, epochs, repeats and seed must be whole numbers");

run("GAN Macro Functions");
synthetic = output + File.separator + "synthetic";
status = Ext.generate(model, synthetic, count, "", seed);
print(status);
if (!startsWith(status, "ok")) exit(status);
status = Ext.evaluateSynthetic(real, synthetic, output + File.separator + "realism", size, epochs, seed);
print(status);
if (!startsWith(status, "ok")) exit(status);
status = Ext.augmentationBenefit(real, synthetic, output + File.separator + "benefit", test, size, repeats, seed);
print(status);
if (!startsWith(status, "ok")) exit(status);
