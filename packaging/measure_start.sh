#!/usr/bin/env bash
# Start to first paint (and quit): median wall time of `--smoke`, offscreen, on the sample project.
#   bash packaging/measure_start.sh [RUNS]      (after pyinstaller build.spec; python -m curator from the checkout)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-9}
home=$(mktemp -d); trap 'rm -rf "$home"' EXIT
median() {
  local times=() i begin
  for ((i = 0; i <= runs; i++)); do  # run 0 warms the disk cache and makes the sample project
    begin=$(date +%s%N)
    env HOME="$home" QT_QPA_PLATFORM=offscreen "$@" --smoke 2>/dev/null
    [ "$i" = 0 ] || times+=($(( ($(date +%s%N) - begin) / 1000000 )))
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)] " ms (median of " NR ")"}'
}
echo "frozen dist/curator/curator:  $(median dist/curator/curator)"
echo "python -m curator:            $(median "${PYTHON:-python3}" -m curator)"
