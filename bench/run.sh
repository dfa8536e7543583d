#!/usr/bin/env bash
# Builds the project and runs the benchmarks; results go to stdout (quoted in README.md).
# Usage: bench/run.sh [tensor|gan|translation|tiled SIZE|denoise SIZE|colorize SIZE|stain [SIZE]|evaluation [SIZE]]
#        (default: all but tiled, denoise, colorize)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -DskipTests test-compile
cp="target/classes:$(cat target/classpath.txt)"
opts=(-Xmx8g -Dai.djl.offline=true -cp "$cp")
case "${1:-all}" in
  tensor|all) java "${opts[@]}" bench/TensorBridgeBench.java ;;
esac
case "${1:-all}" in
  gan|all) java "${opts[@]}" bench/GanIterationBench.java ;;
esac
case "${1:-all}" in
  stain|all) java "${opts[@]}" bench/StainBench.java "${2:-4096}" ;;
esac
case "${1:-all}" in
  evaluation|all) java "${opts[@]}" bench/EvaluationBench.java "${2:-2048}" ;;
esac
case "${1:-all}" in
  translation|all) java "${opts[@]}" bench/TranslationBench.java ;;
  # One JVM per size, so that the peak resident memory it reports is that size's.
  tiled) java "${opts[@]}" bench/TranslationBench.java tiled "${2:-2048}" ;;
  # The default denoiser tiled over a SIZE² 16-bit CT, in its own JVM like tiled.
  denoise) java "${opts[@]}" bench/DenoiseBench.java "${2:-2048}" ;;
  # The default colorizer (stain normalisation) tiled over a SIZE² RGB slide, in its own JVM like tiled.
  colorize) java "${opts[@]}" bench/ColorizeBench.java "${2:-2048}" ;;
  tensor|gan|stain|evaluation) ;;
  *) echo "unknown benchmark: $1 (known: tensor, gan, translation, tiled SIZE, denoise SIZE, colorize SIZE, stain [SIZE], evaluation [SIZE], all)" >&2; exit 2 ;;
esac
