#!/usr/bin/env bash
# Builds and runs every benchmark of BENCHMARKS.md R times and prints one table: per benchmark the figure (a ratio
# against a baseline measured in the same run), its median and range over the runs, and the absolute figures of the
# median run for information. Run from anywhere; needs Java 17, bash and awk (no Python).
#
#   bench/run-all.sh [--runs R] [--quick] [--only NAME[,NAME...]] [--out DIR] [--skip-build] [--list]
#
#   --runs R    runs of each benchmark (default 3); the table gives the median and the range, not the best.
#   --quick     short iterations and small sizes, so the whole script ends in minutes: for checking that the
#               script and the benchmarks work, not for figures to compare.
#   --only      a subset, by the names --list prints; "scale" stands for the scale-* figures (one run of
#               ScaleBenchmark gives them all; SCALE=0.1 in the environment runs it at a tenth of the size,
#               SCALE_ARGS adds its options), "scale-replica" for those and the read replica's (--replica).
#               Without --only, everything but the scale benchmark.
#   --out DIR   where the logs and JMH results go (default: a new directory under /tmp); kept afterwards.
#   --skip-build  use the jars and classes of an earlier build (after changing nothing but this script).
#
# Every benchmark prints a line "RESULT <name> ratio=<r> value=<v> unit=<u> baseline=<b>" (the JMH benchmarks'
# lines are made here from JMH's JSON result). A benchmark that fails, or ends without its RESULT line, is shown
# as FAILED and the script exits with status 1.
set -uo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
JAVA=${JAVA:-java}

# name|figure (what the ratio compares: X / baseline)
BENCHMARKS=(
  "contact-policy|decisions/s: engine / naiveScan (JMH)"
  "offer-decisions|offer decisions/s: engine / naiveScan of the whole history (JMH)"
  "staffing-naive|speed-up: naiveFromScratch time / fast time (JMH)"
  "staffing-textbook|speed-up: textbookFormula time / fast time (JMH)"
  "sentiment|texts/s per core: shared analyzer / analyzer built per text (JMH)"
  "themes|texts/s per core, themed and scored: shared analyzer and model / both built per text (JMH)"
  "journey-ingest|rows/s: HTTP API until listeners done / COPY"
  "journey-answers|surveys/s: HTTP API / COPY"
  "journey-scores|speed-up: GROUP BY raw answers time / histograms time"
  "demand-counts|rows/s: counted into demand / plain ingest"
  "h2-commit|rows/s: WRITE_DELAY=0 / WRITE_DELAY=500 (median of rounds)"
  "complaint-load|req/s: POST complaints / GET organisation"
  "offer-load|p99 ms at 500 req/s: POST offers/decisions / GET organisation (lower is better)"
  "export-h2|ms: export to JSON / plain SELECT (lower is better)"
  "export-postgres|ms: export to JSON / plain SELECT (lower is better)"
)
# The scale benchmark (ScaleBenchmark, one JVM per run): 50 M interactions and 10 M answers on PostgreSQL, then the
# application as a -Xmx512m process of its own. The load alone takes long; SCALE=0.1 (environment) runs a tenth.
BENCHMARKS+=(
  "scale-map|p50 ms: GET /insight/journey-map (12 weeks) / GET /api/v1/journeys, at scale (lower is better)"
  "scale-map-p99|p99 ms: GET /insight/journey-map / GET /api/v1/journeys, at scale (lower is better)"
  "scale-scores|p50 ms: GET /api/v1/scores (12 weeks) / GET /api/v1/journeys, at scale (lower is better)"
  "scale-scores-p99|p99 ms: GET /api/v1/scores / GET /api/v1/journeys, at scale (lower is better)"
  "scale-ingest|rows/s at scale: HTTP API until listeners done / COPY"
  "scale-answers|surveys/s at scale: HTTP API / COPY"
  "scale-kafka|rows/s at scale: Kafka topic until listeners done / HTTP API"
  "scale-heap|MB: largest heap after GC / -Xmx512m (lower is better)"
)
SCALE_NAMES=(scale-map scale-map-p99 scale-scores scale-scores-p99 scale-ingest scale-answers scale-kafka scale-heap)
# With a read replica (ScaleBenchmark --replica, which these names add): a second node reads from a streaming replica.
BENCHMARKS+=(
  "scale-replica-ingest|rows/s at scale with 10 dashboard reads/s: node reading from a replica / node reading from the primary"
  "scale-replica-map|p50 ms of the journey map meanwhile: from the replica / from the primary (lower is better)"
)
SCALE_REPLICA_NAMES=(scale-replica-ingest scale-replica-map)
# Command-line start-up (bench/cli-startup.sh, one script for the three, each against a bare JVM start).
BENCHMARKS+=(
  "cli-startup-version|wall time: buitenin --version / java -version"
  "cli-startup-staffing|wall time: staffing of one interval / java -version"
  "cli-startup-year|wall time: staffing of 35 040 intervals from CSV / java -version"
)

names() { for b in "${BENCHMARKS[@]}"; do echo "${b%%|*}"; done; }
figure() { for b in "${BENCHMARKS[@]}"; do [[ ${b%%|*} == "$1" ]] && echo "${b#*|}"; done; }

RUNS=3
QUICK=false
BUILD=true
ONLY=""
OUT=""
while (($#)); do
  case "$1" in
    --runs) RUNS=$2; shift 2 ;;
    --quick) QUICK=true; shift ;;
    --only) ONLY=$2; shift 2 ;;
    --out) OUT=$2; shift 2 ;;
    --skip-build) BUILD=false; shift ;;
    --list) names; exit 0 ;;
    -h|--help) sed -n '2,19p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option: $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || { echo "--runs needs a positive number, not '$RUNS'" >&2; exit 2; }

SELECTED=()
SKIPPED=()
if [[ -z $ONLY ]]; then
  # The scale benchmark only when asked for (--only scale): its load alone takes hours on 2 cores.
  mapfile -t SELECTED < <(names | grep -v '^scale-')
else
  IFS=',' read -ra wanted <<<"$ONLY"
  for w in "${wanted[@]}"; do
    if [[ $w == scale ]]; then SELECTED+=("${SCALE_NAMES[@]}"); continue; fi
    if [[ $w == scale-replica ]]; then SELECTED+=("${SCALE_NAMES[@]}" "${SCALE_REPLICA_NAMES[@]}"); continue; fi
    names | grep -qx -- "$w" || { echo "unknown benchmark '$w'; known: $(names | tr '\n' ' ')" >&2; exit 2; }
    SELECTED+=("$w")
  done
fi
selected() { local n; for n in "${SELECTED[@]}"; do [[ $n == "$1" ]] && return 0; done; return 1; }
selected_any() { local n; for n in "$@"; do selected "$n" && return 0; done; return 1; }

OUT=${OUT:-$(mktemp -d /tmp/buitenin-bench.XXXXXX)}
mkdir -p "$OUT"
RESULTS=$OUT/results.txt   # run|name|ratio|value|unit|baseline
FAILURES=$OUT/failures.txt # run|name|log
: >"$RESULTS"
: >"$FAILURES"
log() { echo "[$(date -u +%H:%M:%S)] $*" >&2; }
log "benchmarks: ${SELECTED[*]}; runs: $RUNS; quick: $QUICK; logs in $OUT"

# ---- build, once ------------------------------------------------------------------------------------------------
# The application and the bench module (benchmarks.jar for JMH), and bench's class path for the benchmark mains
# (the shaded benchmarks.jar merges Spring Boot's AutoConfiguration.imports badly, see BENCHMARKS.md).
if $BUILD; then
  log "building (./mvnw -o package, tests skipped)"
  if ! ./mvnw -B -q -o -pl app,bench -am package dependency:build-classpath -Dmaven.test.skip=true -Dbench.skipShade=false \
      -Dmdep.outputFile=target/classpath.txt >"$OUT/build.log" 2>&1; then
    tail -30 "$OUT/build.log" >&2
    echo "build failed (log: $OUT/build.log)" >&2
    exit 1
  fi
else
  log "not building (--skip-build)"
  for built in bench/target/benchmarks.jar bench/target/classpath.txt app/target/buitenin-exec.jar; do
    [[ -f $built ]] || { echo "--skip-build: $built is missing; build first (run without --skip-build)" >&2; exit 1; }
  done
fi
CP="bench/target/classes:app/target/classes:$(cat bench/target/classpath.txt)"

# ---- running and collecting --------------------------------------------------------------------------------------
# Runs a command with its output in a log file; takes the RESULT lines for the expected names from it. A missing
# line or a non-zero exit marks those names as failed for this run.
collect() { # run log expected-names... -- command...
  local run=$1 logfile=$2; shift 2
  local expected=()
  while [[ $1 != -- ]]; do expected+=("$1"); shift; done
  shift
  "$@" >"$logfile" 2>&1
  local status=$?
  local name line
  for name in "${expected[@]}"; do
    line=$(grep -E "^RESULT $name " "$logfile" | tail -1)
    if ((status == 0)) && [[ -n $line ]]; then
      echo "$line" | awk -v run="$run" '{ r=""; v=""; u=""; b="";
          for (i = 3; i <= NF; i++) { split($i, kv, "="); if (kv[1]=="ratio") r=kv[2]; else if (kv[1]=="value") v=kv[2];
            else if (kv[1]=="unit") u=kv[2]; else if (kv[1]=="baseline") b=kv[2] }
          print run "|" $2 "|" r "|" v "|" u "|" b }' >>"$RESULTS"
      log "  $name run $run: $(echo "$line" | cut -d' ' -f3-)"
    else
      echo "$run|$name|$logfile" >>"$FAILURES"
      log "  $name run $run FAILED (exit $status; log $logfile)"
    fi
  done
}

# Scores of a JMH JSON result file: "method score unit" per benchmark.
jmh_scores() {
  awk '/"benchmark" *:/ { gsub(/[",]/, "", $3); n = split($3, p, "."); method = p[n]; want = 1 }
       want && /"score" *:/ { gsub(/,/, "", $3); score = $3 }
       want && /"scoreUnit" *:/ { gsub(/[",]/, "", $3); print method, score, $3; want = 0 }' "$1"
}

# One JMH run; writes RESULT lines "name ratio value unit baseline" for each "name:x:baseline:higher|lower" given.
jmh() { # run class pairs... (pairs as name:method:baselineMethod:better)
  local run=$1 class=$2; shift 2
  local json=$OUT/$class-run$run.json
  local options=(-f 1 -rf json -rff "$json")
  $QUICK && options+=(-wi 1 -w 1s -i 2 -r 1s)
  "$JAVA" -jar bench/target/benchmarks.jar "$class" "${options[@]}" || return 1
  local pair name x base better
  for pair in "$@"; do
    IFS=':' read -r name x base better <<<"$pair"
    jmh_scores "$json" | awk -v name="$name" -v x="$x" -v base="$base" -v better="$better" '
        { score[$1] = $2; unit[$1] = $3 }
        END { if (!(x in score) || !(base in score) || score[x] + 0 == 0 || score[base] + 0 == 0) exit 1;
              # higher-is-better scores (throughput): x / baseline; lower-is-better (time per op): baseline / x
              ratio = better == "higher" ? score[x] / score[base] : score[base] / score[x];
              printf "RESULT %s ratio=%.4f value=%s unit=%s baseline=%s\n", name, ratio, score[x], unit[x], score[base] }' \
      || { echo "no scores for $x and $base in $json"; return 1; }
  done
}

main_run() { # class args... : a benchmark main on bench's class path
  local class=$1; shift
  "$JAVA" -Xmx2g -cp "$CP" "nl.buitenin.bench.$class" "$@"
}

SERVER_PID=""
stop_server() {
  if [[ -n $SERVER_PID ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null
    for _ in $(seq 60); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 1; done
    kill -0 "$SERVER_PID" 2>/dev/null && kill -9 "$SERVER_PID" 2>/dev/null
    wait "$SERVER_PID" 2>/dev/null
  fi
  SERVER_PID=""
}
trap stop_server EXIT
trap 'stop_server; exit 130' INT TERM

free_port() {
  local port
  for port in $(seq 18100 18199); do
    (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return 0; }
  done
  return 1
}

# ---- the benchmarks ----------------------------------------------------------------------------------------------

if selected contact-policy; then
  log "contact-policy (JMH ContactPolicyBenchmark)"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/contact-policy-run$run.log" contact-policy -- \
      jmh "$run" ContactPolicyBenchmark "contact-policy:engine:naiveScan:higher"
  done
fi

if selected offer-decisions; then
  log "offer-decisions (JMH OfferDecisionBenchmark)"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/offer-decisions-run$run.log" offer-decisions -- \
      jmh "$run" OfferDecisionBenchmark "offer-decisions:engine:naiveScan:higher"
  done
fi

if selected_any staffing-naive staffing-textbook; then
  log "staffing (JMH StaffingBenchmark)"
  wanted=()
  selected staffing-naive && wanted+=(staffing-naive)
  selected staffing-textbook && wanted+=(staffing-textbook)
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/staffing-run$run.log" "${wanted[@]}" -- \
      jmh "$run" StaffingBenchmark "staffing-naive:fast:naiveFromScratch:lower" "staffing-textbook:fast:textbookFormula:lower"
  done
fi

if selected sentiment; then
  log "sentiment (JMH SentimentBenchmark)"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/sentiment-run$run.log" sentiment -- \
      jmh "$run" SentimentBenchmark "sentiment:analyzer:perTextAnalyzer:higher"
  done
fi

if selected themes; then
  log "themes (JMH ThemesBenchmark)"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/themes-run$run.log" themes -- \
      jmh "$run" ThemesBenchmark "themes:shared:perText:higher"
  done
fi

if selected_any journey-ingest journey-answers; then
  # One JVM (one embedded PostgreSQL, one Buitenin) per run for ingest and answers. Scores runs in a JVM of its own:
  # its histograms are written straight into score_histogram and would collide with those the answers counted.
  wanted=()
  parts=()
  selected journey-ingest && wanted+=(journey-ingest) && parts+=(ingest)
  selected journey-answers && wanted+=(journey-answers) && parts+=(answers)
  sizes=()
  $QUICK && sizes=(--ingest-rows 20000 --rounds 2 --warmup 5000 --rows 10000)
  log "journey (JourneyBenchmarks ${parts[*]})"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/journey-run$run.log" "${wanted[@]}" -- main_run JourneyBenchmarks "${parts[@]}" "${sizes[@]}"
  done
fi

if selected journey-scores; then
  sizes=()
  $QUICK && sizes=(--answers 200000)
  log "journey-scores (JourneyBenchmarks scores)"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/journey-scores-run$run.log" journey-scores -- main_run JourneyBenchmarks scores "${sizes[@]}"
  done
fi

if selected demand-counts; then
  log "demand-counts (DemandBenchmarks)"
  sizes=()
  $QUICK && sizes=(--rows 10000)
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/demand-counts-run$run.log" demand-counts -- main_run DemandBenchmarks "${sizes[@]}"
  done
fi

if selected h2-commit; then
  log "h2-commit (H2CommitBenchmark)"
  sizes=()
  $QUICK && sizes=(--rows 2000 --rounds 2 --warmup 2000)
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/h2-commit-run$run.log" h2-commit -- main_run H2CommitBenchmark "${sizes[@]}"
  done
fi

if selected complaint-load; then
  # The HTTP load driver against a demo server started here, on a free port with its data in a new directory; the
  # API key is issued by signing in as the demo administrator (bench/loop/DemoApiKey.java). One server for all runs,
  # started with the options ./buitenin gives a server (jvm/server.options; until 2026-12-07 -Xmx1g).
  log "complaint-load (demo server + bench/loop/ComplaintLoad.java)"
  people=2000; requests=2000; warmup=200
  $QUICK && { people=200; requests=200; warmup=50; }
  port=$(free_port)
  data=$OUT/complaint-load-data
  mkdir -p "$data"
  SERVER_PORT=$port BUITENIN_DATA_DIR=$data "$JAVA" @jvm/server.options -jar app/target/buitenin-exec.jar demo --people "$people" \
    >"$OUT/complaint-load-server.log" 2>&1 &
  SERVER_PID=$!
  if key=$("$JAVA" bench/loop/DemoApiKey.java "http://localhost:$port" 2>"$OUT/complaint-load-key.log"); then
    for run in $(seq "$RUNS"); do
      collect "$run" "$OUT/complaint-load-run$run.log" complaint-load -- \
        "$JAVA" bench/loop/ComplaintLoad.java "http://localhost:$port" "$key" "$requests" 4 "$warmup"
    done
  else
    log "  complaint-load: no API key (see $OUT/complaint-load-key.log and $OUT/complaint-load-server.log)"
    for run in $(seq "$RUNS"); do echo "$run|complaint-load|$OUT/complaint-load-key.log" >>"$FAILURES"; done
  fi
  stop_server
  rm -rf "$data"
fi

if selected offer-load; then
  # The fixed-rate HTTP load driver (bench/loop/OfferLoad.java) against a demo server started here, like complaint-load:
  # 500 offer decisions a second for 20 s (5 s with --quick), after a warm-up, against GET organisation at that rate.
  # The server runs with the options ./buitenin gives it (jvm/server.options: its 1 GB young generation is what keeps
  # the collector's pauses out of the p99; until 2026-12-07 -Xmx1g).
  log "offer-load (demo server + bench/loop/OfferLoad.java)"
  people=2000; seconds=20; warmup=5
  $QUICK && { people=200; seconds=5; warmup=2; }
  port=$(free_port)
  data=$OUT/offer-load-data
  mkdir -p "$data"
  SERVER_PORT=$port BUITENIN_DATA_DIR=$data "$JAVA" @jvm/server.options -jar app/target/buitenin-exec.jar demo --people "$people" \
    >"$OUT/offer-load-server.log" 2>&1 &
  SERVER_PID=$!
  # Up to 30 minutes for the demo of 2 000 people to be ready: on the shared 2 cores under a load average of 25-40 it
  # was not ready within DemoApiKey's default of 10 minutes (2026-12-05).
  if key=$("$JAVA" bench/loop/DemoApiKey.java "http://localhost:$port" beheerder buitenpad-demo INGEST,READ 1800 \
      2>"$OUT/offer-load-key.log"); then
    # The driver runs without a garbage collector (Epsilon, a fixed heap it cannot fill in one run): its own pauses,
    # up to 29 ms in a measured phase with the default collector (2026-12-06), would count in the server's latencies.
    driver=(-XX:+UnlockExperimentalVMOptions -XX:+UseEpsilonGC -Xms3g -Xmx3g -XX:+AlwaysPreTouch)
    # One run that is not counted: straight after the demo's load the server is still compiling and its listeners
    # are busy, and that first run's p99 was 150-900 ms where the runs after it gave 20-40 ms.
    "$JAVA" "${driver[@]}" bench/loop/OfferLoad.java "http://localhost:$port" "$key" 500 "$seconds" "$warmup" \
      >"$OUT/offer-load-warm-up.log" 2>&1 || log "  offer-load: the warm-up run failed (see $OUT/offer-load-warm-up.log)"
    for run in $(seq "$RUNS"); do
      collect "$run" "$OUT/offer-load-run$run.log" offer-load -- \
        "$JAVA" "${driver[@]}" bench/loop/OfferLoad.java "http://localhost:$port" "$key" 500 "$seconds" "$warmup"
    done
  else
    log "  offer-load: no API key (see $OUT/offer-load-key.log and $OUT/offer-load-server.log)"
    for run in $(seq "$RUNS"); do echo "$run|offer-load|$OUT/offer-load-key.log" >>"$FAILURES"; done
  fi
  stop_server
  rm -rf "$data"
fi

for db in h2 postgres; do
  if selected "export-$db"; then
    # A JUnit class in app's tests, run by Maven (it needs the test class path and a test database).
    log "export-$db (ExportBenchmark through ./mvnw test)"
    extra=()
    $QUICK && extra=(-Dbuitenin.bench.runs=40)
    for run in $(seq "$RUNS"); do
      collect "$run" "$OUT/export-$db-run$run.log" "export-$db" -- \
        ./mvnw -B -o -pl app test -Dtest=ExportBenchmark -Dbuitenin.bench=true -Dbuitenin.test.db="$db" \
        -Dsurefire.failIfNoSpecifiedTests=false "${extra[@]}"
    done
  fi
done

if selected_any "${SCALE_NAMES[@]}" "${SCALE_REPLICA_NAMES[@]}"; then
  # All figures of one run come from one JVM: the load, then the application as a process of its own. With --quick a
  # thousandth of the size; otherwise SCALE (default 1: 50 M interactions, 10 M answers; 0.1 a tenth).
  # SCALE_ARGS (environment) adds options of ScaleBenchmark, such as "--requests 30 --ingest-rows 20000".
  sizes=(--scale "${SCALE:-1}")
  [[ -n ${SCALE_ARGS:-} ]] && read -ra extra <<<"$SCALE_ARGS" && sizes+=("${extra[@]}")
  $QUICK && sizes=(--scale 0.001 --requests 30 --ingest-rows 20000 --answer-rows 4000 --kafka-rows 5000)
  # The replica's figures need its phase (pg_basebackup from Debian's postgresql package).
  selected_any "${SCALE_REPLICA_NAMES[@]}" && sizes+=(--replica)
  wanted=()
  for n in "${SCALE_NAMES[@]}" "${SCALE_REPLICA_NAMES[@]}"; do selected "$n" && wanted+=("$n"); done
  log "scale (ScaleBenchmark ${sizes[*]})"
  for run in $(seq "$RUNS"); do
    collect "$run" "$OUT/scale-run$run.log" "${wanted[@]}" -- main_run ScaleBenchmark "${sizes[@]}" --out "$OUT/scale-run$run"
  done
fi

if selected_any cli-startup-version cli-startup-staffing cli-startup-year; then
  if [[ -x bench/cli-startup.sh ]]; then
    log "cli-startup (bench/cli-startup.sh)"
    extra=()
    $QUICK && extra=(--quick)
    for run in $(seq "$RUNS"); do
      collect "$run" "$OUT/cli-startup-run$run.log" cli-startup-version cli-startup-staffing cli-startup-year -- \
        bench/cli-startup.sh "${extra[@]}"
    done
  else
    log "cli-startup: bench/cli-startup.sh is missing; skipped"
    SELECTED=("${SELECTED[@]/cli-startup*/}")
    SKIPPED+=("cli-startup (bench/cli-startup.sh is missing)")
  fi
fi

# ---- the table ---------------------------------------------------------------------------------------------------
echo
echo "Buitenin benchmarks, $(date -u +%Y-%m-%d\ %H:%M) UTC, $RUNS run(s)$($QUICK && echo ', --quick (small sizes: checks the script, not figures to compare)'); $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo
printf '| %s | %s | %s | %s | %s | %s |\n' "benchmark" "figure (X / baseline)" "median ratio" "range (min–max)" "runs" "median run: X, baseline"
printf '|%s|%s|%s|%s|%s|%s|\n' "---" "---" "---:" "---" "---:" "---"
failed=0
for name in "${SELECTED[@]}"; do
  [[ -z $name ]] && continue
  fails=$(awk -F'|' -v n="$name" '$2 == n' "$FAILURES" | wc -l)
  ((fails > 0)) && failed=1
  awk -F'|' -v n="$name" -v fig="$(figure "$name")" -v runs="$RUNS" -v fails="$fails" '
    $2 == n { k++; ratio[k] = $3 + 0; value[k] = $4; unit[k] = $5; base[k] = $6 }
    END {
      if (k == 0) { printf "| %s | %s | FAILED | | 0 of %d | |\n", n, fig, runs; exit }
      # sort the runs by ratio (insertion sort; a handful of runs)
      for (i = 1; i <= k; i++) order[i] = i
      for (i = 2; i <= k; i++) { j = i; while (j > 1 && ratio[order[j-1]] > ratio[order[j]]) { t = order[j]; order[j] = order[j-1]; order[j-1] = t; j-- } }
      lo = order[int((k + 1) / 2)]; hi = order[int(k / 2) + 1]
      median = (ratio[lo] + ratio[hi]) / 2
      note = fails > 0 ? sprintf(" (%d failed)", fails) : ""
      printf "| %s | %s | %.2f | %.2f–%.2f | %d%s | %s, %s %s |\n", n, fig, median, ratio[order[1]], ratio[order[k]], k, note,
        num(value[lo]), num(base[lo]), unit[lo]
    }
    # about three significant digits, no exponent
    function num(x) { x += 0; return x >= 100 ? sprintf("%.0f", x) : x >= 10 ? sprintf("%.1f", x) : x >= 1 ? sprintf("%.2f", x) : sprintf("%.3g", x) }
    ' "$RESULTS"
done
echo
((${#SKIPPED[@]})) && printf 'Skipped: %s\n' "${SKIPPED[@]}"
echo "Logs and JMH results: $OUT"
if ((failed)); then
  echo "Failed:" >&2
  sort -t'|' -k2,2 -k1,1n "$FAILURES" | awk -F'|' '{ printf "  %s run %s: %s\n", $2, $1, $3 }' >&2
  exit 1
fi
