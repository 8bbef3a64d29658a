#!/usr/bin/env bash
# Real-news figures in one run: extraction on ../shared/eval/news and the seeds (score.py, both speaker
# modes) and alignment on ../shared/eval/clusters and the seeds (score_align.py).
# usage: benchmarks/eval_real.sh OUT_DIR    (run from the repository root; quotex on PATH)
#        QUOTEX_MODEL=PATH benchmarks/eval_real.sh OUT_DIR    measures another pipeline (a candidate model)
set -u
M=(${QUOTEX_MODEL:+--model "$QUOTEX_MODEL"})
S="$(cd "$(dirname "$0")/../.." && pwd)/shared/eval"
T=${1:?usage: benchmarks/eval_real.sh OUT_DIR}; mkdir -p "$T"
quotex extract "$S"/news/*.txt "${M[@]}" --format jsonl > "$T/news.jsonl" 2> "$T/news.err"
echo "news:         $(python3 "$S/score.py" extract "$S/news/gold.jsonl" "$T/news.jsonl")"
echo "news by name: $(SCORE_SPEAKER=name python3 "$S/score.py" extract "$S/news/gold.jsonl" "$T/news.jsonl")"
quotex extract "$S"/seeds/*.txt "${M[@]}" --format jsonl > "$T/seeds.jsonl" 2> /dev/null
echo "seeds:        $(python3 "$S/score.py" extract "$S/seeds/gold.json" "$T/seeds.jsonl" "$S/seeds")"
[ -d "$T/c" ] || python3 "$S/clusters_gold.py" "$S/clusters" "$T/c" > /dev/null
for c in "$T"/c/*/; do
  n=$(basename "$c")
  if timeout 300 quotex align "$c"*.txt "${M[@]}" --format json > "$T/$n.json" 2> "$T/$n.err"; then
    echo "$n: $(python3 "$S/score_align.py" "$c/gold.json" "$T/$n.json" 2>&1 | tail -1)"
  else echo "$n: failed (see $T/$n.err)"; fi
done
quotex align "$S"/seeds/*.txt "${M[@]}" --format json > "$T/seeds_align.json" 2> /dev/null
echo "seeds align:  $(python3 "$S/score_align.py" "$S/seeds/gold.json" "$T/seeds_align.json" | tail -3 | tr '\n' ' ')"
