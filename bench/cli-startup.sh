#!/usr/bin/env bash
# Wall time of the jar's offline commands, from process start to exit: median and range of N runs.
#   bench/cli-startup.sh [runs|--quick]         (default 7 runs, --quick 3, through the ./buitenin launcher)
#   BUITENIN_CMD="java -jar app/target/buitenin-exec.jar" bench/cli-startup.sh 7   (the executable jar itself)
# One run of --version before timing builds the jar (and the launcher's unpacked copy) if needed.
# The year of fifteen-minute intervals (365 days x 96 = 35 040 rows) is generated here, deterministically,
# with a daily and weekly shape, so that the figure does not depend on a data file.
# The baseline, measured in the same run, is the bare start of the same JVM (`java -version`): each command's
# ratio says how many bare JVM starts it costs, which holds better across machines than seconds. It prints
# one `RESULT cli-startup-<what> ratio=… value=… unit=s baseline=…` line per command for bench/run-all.sh.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-7}
[[ $runs == --quick ]] && runs=3
read -r -a launcher <<< "${BUITENIN_CMD:-./buitenin}"
"${launcher[@]}" --version > /dev/null

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
csv=$work/year-15min.csv
awk 'BEGIN {
  print "date,interval_start,calls";
  srand(20260101);
  for (d = 0; d < 365; d++) {
    t = 1767225600 + d * 86400;                      # 2026-01-01T00:00:00Z, one day per step
    day = strftime("%Y-%m-%d", t, 1); dow = strftime("%u", t, 1);
    week = dow >= 6 ? 0.35 : 1.0;
    for (i = 0; i < 96; i++) {
      h = i / 4.0;
      shape = (h < 7 || h >= 21) ? 0.05 : 0.5 + 0.5 * sin((h - 7) / 14 * 3.14159);
      printf "%s,%02d:%02d,%d\n", day, int(i / 4), (i % 4) * 15, int(120 * week * shape + rand() * 10);
    }
  }
}' > "$csv"
[ "$(wc -l < "$csv")" -eq 35041 ] || { echo "generated $(wc -l < "$csv") lines, expected 35 041" >&2; exit 1; }

# Prints the median and range of the wall time, and the median CPU time (user + system), of $runs runs
# of the given command (output discarded). On a shared machine the CPU time varies less than the wall time.
measure() {
  local log
  log=$(mktemp -p "$work")
  for _ in $(seq "$runs"); do
    /usr/bin/time -a -o "$log" -f "%e %U %S" "$@" > /dev/null 2> "$work/err" \
      || { echo "failed: $*" >&2; tail -5 "$work/err" >&2; exit 1; }
  done
  local wall cpu
  wall=$(awk '{ print $1 }' "$log" | sort -n | awk '{ t[NR] = $1 } END {
    printf "wall median %.2f s  range %.2f-%.2f s", NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2, t[1], t[NR] }')
  cpu=$(awk '{ print $2 + $3 }' "$log" | sort -n | awk '{ t[NR] = $1 } END {
    printf "cpu median %.2f s", NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
  echo "$wall   $cpu"
  MEDIAN=$(awk '{ print $1 }' "$log" | sort -n | awk '{ t[NR] = $1 } END { printf "%.3f", NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2 }')
}

# RESULT line for run-all.sh: the last measured median against the JVM's bare start.
result() {
  awk -v name="$1" -v value="$MEDIAN" -v base="$BASELINE" \
    'BEGIN { printf "RESULT %s ratio=%.2f value=%s unit=s baseline=%s\n", name, value / base, value, base }'
}

echo "$runs runs each, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-42s ' "baseline: java -version";        measure java -version; BASELINE=$MEDIAN
printf '%-42s ' "--version";                      measure "${launcher[@]}" --version; result cli-startup-version
printf '%-42s ' "staffing, one interval";         measure "${launcher[@]}" staffing --calls 100 --interval 30m --aht 180 --target 80/20s
result cli-startup-staffing
printf '%-42s ' "staffing, 35 040 intervals (CSV)"; measure "${launcher[@]}" staffing "$csv" --aht 240 --target 80/20s
result cli-startup-year
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
