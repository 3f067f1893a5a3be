#!/usr/bin/env bash
# Regenerates the figures of docs/reproduction.md: the quickstart pipeline for seeds 1..3, the SFT control for
# each seed, then the plots and the stage-end tables (mean ± std over seeds) with `orl report --markdown`.
# Usage: bash docs/reproduce.sh [RECIPE]   (default: the embedded quickstart; recipes/qwq-tiny.yaml for the
# larger run, about an hour per seed on 2 cores)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
recipe=(${1:+--recipe "$1"})
tag=$(basename "${1:-quickstart}" .yaml)
for seed in 1 2 3; do
  ./orl quickstart "${recipe[@]}" --seed "$seed" --run-dir "runs/$tag-s$seed"
done
for seed in 1 2 3; do
  ./orl quickstart "${recipe[@]}" --seed "$seed" --sft-control "runs/$tag-s$seed" --run-dir "runs/$tag-control-s$seed"
done
./orl report "runs/$tag-s1" "runs/$tag-s2" "runs/$tag-s3" --out "docs/$tag" --markdown "docs/$tag/summary.md"
./orl report "runs/$tag-control-s1" "runs/$tag-control-s2" "runs/$tag-control-s3" --out "docs/$tag/control" \
  --markdown "docs/$tag/control/summary.md"
