// Denoise a DICOM series (e.g. a low-dose CT): every image of input_folder through a denoising
// model, written in Hounsfield units as calibrated TIFFs to output_folder/NAME.tif, with the
// removed noise (input - output, in HU) as NAME_noise.tif when removed_noise=true.
//
// Arguments:
//   model          a denoising model (model.zip of a "denoise" run)   required
//   input_folder   the series (one file per slice, or stacks)        required
//   output_folder  where the results go                              default <input_folder>_denoised
//   removed_noise  also write the removed noise                      default false
//
// In Fiji: Plugins > Macros > Run..., after changing the defaults below. Headless:
//   fiji --headless -batch denoise_dicom_series.ijm "model=[/models/ldct.zip] input_folder=[/data/series] removed_noise=true"

args = getArgument();
model = call("ij.Macro.getValue", args, "model", "");
input = call("ij.Macro.getValue", args, "input_folder", "");
if (model == "" || input == "") exit("model and input_folder are required, e.g. model=[/models/ldct.zip] input_folder=[/data/series]");
output = call("ij.Macro.getValue", args, "output_folder", input + "_denoised");
removed = false;
if (call("ij.Macro.getValue", args, "removed_noise", "false") == "true") removed = true;

run("GAN Macro Functions");
status = Ext.denoise(model, input, output, removed);
print(status);
if (!startsWith(status, "ok")) exit(status);

// The mean of each denoised slice, in the series' calibrated units (HU for CT).
setBatchMode(true);
list = getFileList(output);
for (i = 0; i < list.length; i++) {
    if (endsWith(list[i], ".tif") && indexOf(list[i], "_noise") < 0) {
        open(output + File.separator + list[i]);
        getStatistics(area, mean);
        print(list[i] + ": mean " + d2s(mean, 1));
        close();
    }
}
