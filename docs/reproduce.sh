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
# qwq-small validates math on 64 prompts; revalidate every stage's weights on 256 to judge "within 2 points".
if [ "$tag" = qwq-small ]; then
  out="docs/$tag/math256.tsv"
  printf 'run\tstage\tval-core/math/acc/mean@4 (256 prompts)\n' > "$out"
  for run in "runs/$tag-s1" "runs/$tag-s2" "runs/$tag-s3" "runs/$tag-control-s1" "runs/$tag-control-s2" \
      "runs/$tag-control-s3"; do
    for stage in sft stage1 stage2 sft_control; do
      [ -f "$run/stages/$stage/final/config.json" ] || continue
      dir="runs/math256/$(basename "$run")-$stage"
      ./orl train docs/recipes/qwq-small-math256.yaml --set "model.checkpoint=$run/stages/$stage/final" \
        --run-dir "$dir" >&2
      acc=$(grep -o '"val-core/math/acc/mean@4":[0-9.]*' "$dir/metrics.jsonl" | head -1 | cut -d: -f2)
      printf '%s\t%s\t%s\n' "$(basename "$run")" "$stage" "$acc" >> "$out"
    done
  done
fi
