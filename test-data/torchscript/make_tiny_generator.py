#!/usr/bin/python3
"""Tiny ResNet-style image-to-image generators exported as TorchScript, with
PyTorch's own output on a fixed input, for the Java tests of TorchScript model
bundles (io.github.fijigan.core.model.TorchScriptBundles).

CI never runs this script: its outputs are committed.  Regenerate (Debian 12:
apt-get install -y python3-torch python3-numpy) from the repository root with

    /usr/bin/python3 test-data/torchscript/make_tiny_generator.py

It writes, for each variant NAME (tiny_resnet: 1 -> 1 channels, transposed
convolution up; tiny_resnet_rgb: 3 -> 3 channels, nearest up-sampling + conv,
affine instance norm):

  NAME.pt            the module, made with torch.jit.trace (not script) on the
                     input below and saved with torch.jit.save
  NAME_input.f32     the input, raw little-endian float32, NCHW, C order
  NAME_output.f32    the saved module's output on it (reloaded with
                     torch.jit.load, so exactly what the file computes)
  NAME.json          shapes, file names, seed, torch version, parameter count

and tiny_resnet_state_dict.pt, the 1 -> 1 network's weights saved with
torch.save(model.state_dict()): the usual wrong file, which is a zip too but
not TorchScript.

The shape of each network (the architecture of junyanz/pytorch-CycleGAN-and-
pix2pix's ResnetGenerator, scaled down): reflection pad 3, conv 7x7, instance
norm, ReLU; one stride-2 conv 3x3 down, instance norm, ReLU; 2 residual blocks
(reflection pad 1, conv 3x3, instance norm, ReLU, reflection pad 1, conv 3x3,
instance norm, plus the input); one up step to the input size, instance norm,
ReLU; reflection pad 3, conv 7x7, tanh.  Width and height must be multiples of
2 (the tile multiple).  Inputs are in [-1, 1], as a Fiji GAN bundle's
normalisation gives them.
"""

import json
import os

import numpy as np
import torch
from torch import nn

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20250301


class ResidualBlock(nn.Module):
    def __init__(self, channels, affine):
        super().__init__()
        self.body = nn.Sequential(
            nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3), nn.InstanceNorm2d(channels, affine=affine), nn.ReLU(True),
            nn.ReflectionPad2d(1), nn.Conv2d(channels, channels, 3), nn.InstanceNorm2d(channels, affine=affine))

    def forward(self, x):
        return x + self.body(x)


def tiny_resnet(in_channels, out_channels, ngf, upsample, affine):
    if upsample == "transposed":
        up = nn.ConvTranspose2d(2 * ngf, ngf, 3, stride=2, padding=1, output_padding=1)
    else:
        up = nn.Sequential(nn.Upsample(scale_factor=2, mode="nearest"), nn.ReflectionPad2d(1), nn.Conv2d(2 * ngf, ngf, 3))
    return nn.Sequential(
        nn.ReflectionPad2d(3), nn.Conv2d(in_channels, ngf, 7), nn.InstanceNorm2d(ngf, affine=affine), nn.ReLU(True),
        nn.Conv2d(ngf, 2 * ngf, 3, stride=2, padding=1), nn.InstanceNorm2d(2 * ngf, affine=affine), nn.ReLU(True),
        ResidualBlock(2 * ngf, affine), ResidualBlock(2 * ngf, affine),
        up, nn.InstanceNorm2d(ngf, affine=affine), nn.ReLU(True),
        nn.ReflectionPad2d(3), nn.Conv2d(ngf, out_channels, 7), nn.Tanh())


def write_f32(path, tensor):
    array = tensor.detach().cpu().numpy().astype("<f4", copy=False)
    with open(path, "wb") as f:
        f.write(np.ascontiguousarray(array).tobytes(order="C"))


def make(name, in_channels, out_channels, ngf, upsample, affine, height, width):
    torch.manual_seed(SEED)
    model = tiny_resnet(in_channels, out_channels, ngf, upsample, affine).eval()
    if affine:
        # Default affine init is weight 1, bias 0, which would not test that they are applied.
        with torch.no_grad():
            for m in model.modules():
                if isinstance(m, nn.InstanceNorm2d):
                    m.weight.uniform_(0.5, 1.5)
                    m.bias.uniform_(-0.2, 0.2)
    x = torch.rand(1, in_channels, height, width) * 2 - 1
    with torch.no_grad():
        traced = torch.jit.trace(model, x)
    pt = os.path.join(HERE, name + ".pt")
    torch.jit.save(traced, pt)

    reloaded = torch.jit.load(pt).eval()
    with torch.no_grad():
        y = reloaded(x)
        eager = model(x)
        # Tracing records ops, not sizes, for this network: check it on another size too.
        other = torch.rand(2, in_channels, height + 8, width - 8) * 2 - 1
        other_diff = (reloaded(other) - model(other)).abs().max().item()
    diff = (y - eager).abs().max().item()
    assert diff < 1e-6, (name, diff)
    assert other_diff < 1e-6, (name, other_diff)

    if name == "tiny_resnet":
        torch.save(model.state_dict(), os.path.join(HERE, name + "_state_dict.pt"))
    write_f32(os.path.join(HERE, name + "_input.f32"), x)
    write_f32(os.path.join(HERE, name + "_output.f32"), y)
    params = sum(p.numel() for p in model.parameters())
    meta = {
        "module": name + ".pt",
        "made_with": "torch.jit.trace",
        "torch_version": torch.__version__,
        "seed": SEED,
        "in_channels": in_channels,
        "out_channels": out_channels,
        "ngf": ngf,
        "upsample": upsample,
        "instance_norm_affine": affine,
        "tile_multiple": 2,
        "parameters": params,
        "input": {"file": name + "_input.f32", "shape": list(x.shape), "dtype": "float32", "byte_order": "little"},
        "output": {"file": name + "_output.f32", "shape": list(y.shape), "dtype": "float32", "byte_order": "little",
                   "min": y.min().item(), "max": y.max().item(), "mean": y.mean().item()},
    }
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(meta, f, indent=2)
        f.write("\n")
    print(f"{name}: torch {torch.__version__}, {params} parameters, {os.path.getsize(pt)} bytes, "
          f"traced vs eager max abs {diff:.3g} (other size {other_diff:.3g})")


if __name__ == "__main__":
    torch.set_num_threads(1)
    make("tiny_resnet", 1, 1, 4, "transposed", False, 40, 48)
    make("tiny_resnet_rgb", 3, 3, 4, "nearest", True, 32, 40)
