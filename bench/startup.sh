#!/usr/bin/env bash
# Start-up benchmark of the packaged app: time to first frame and resident memory, with and without the
# JDK 25 AOT cache, on the same app image in one run (design.md section 7: ≤ 1.0 s with the cache,
# ≤ 1.5 s without; ≤ 250 MB resident with 10k exceptions loaded).
#
#   bench/startup.sh [RUNS]            (default 7 runs of each variant)
#
# Environment:
#   BENCH_PLATFORM=xvfb|headless   xvfb (default when xvfb-run is installed): the real GTK window on a
#                                  virtual X display; headless: JavaFX 26's built-in headless platform
#   BENCH_10K=0                    skip the run with a generated 10k-exception workspace
#   WAIVER_SKIP_PACKAGE=1          use target/dist/Waiver as it is (else packaging/build.sh app-image runs)
#   BENCH_SETTLE=SECONDS           how long the 10k runs keep the window open after the load before the
#                                  `settled-rss-mb` reading (default 8: the heap release after a load and
#                                  one native heap trim have run by then)
#
# Each run is a cold JVM start of the packaged launcher with `--measure-startup`, which prints
# `first-frame-ms=N rss-mb=M` once the first frame is shown, then `loaded-ms=N loaded-rss-mb=M` once the
# workspace it opens with has loaded (read right after the first frame), and exits (0 when the app does not
# print the second line). The script also takes its own
# wall-clock time from exec to exit, which does not depend on how the app reads its start instant.
# The variants alternate run by run, so a busy machine slows both alike. Linux only (it reads /proc
# through the app and needs xvfb-run or the headless platform).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
RUNS="${1:-7}"
IMAGE="$ROOT/target/dist/Waiver"
WORK="$ROOT/target/bench-startup"

if [ "${WAIVER_SKIP_PACKAGE:-0}" != 1 ]; then
  "$ROOT/packaging/build.sh" app-image
fi
[ -x "$IMAGE/bin/Waiver" ] || { echo "bench: no app image at $IMAGE (run packaging/build.sh app-image)" >&2; exit 1; }
[ -f "$IMAGE/lib/app/waiver.aot" ] || { echo "bench: the app image has no AOT cache (built with WAIVER_AOT=0?)" >&2; exit 1; }

platform="${BENCH_PLATFORM:-}"
if [ -z "$platform" ]; then
  if command -v xvfb-run >/dev/null 2>&1; then platform=xvfb; else platform=headless; fi
fi

# The "without" variant is a copy of the same image with the cache and its launcher option removed,
# so both start exactly the same runtime and jars.
rm -rf "$WORK"
mkdir -p "$WORK"
cp -a "$IMAGE" "$WORK/Waiver-nocache"
rm "$WORK/Waiver-nocache/lib/app/waiver.aot"
sed -i '/-XX:AOTCache=/d' "$WORK/Waiver-nocache/lib/app/Waiver.cfg"

# One start: prints "first-frame-ms rss-mb wall-ms". A throw-away --home keeps the runs from sharing
# or touching settings. Under xvfb each run gets its own X server, started before the clock starts.
measure() {
  local launcher="$1"; shift
  local home out start end
  home="$(mktemp -d "$WORK/home.XXXX")"
  if [ "$platform" = xvfb ]; then
    out="$(JAVA_TOOL_OPTIONS="${SETTLE_OPTION:-}" xvfb-run -a -s "-screen 0 1280x800x24" bash -c \
      'start=$(date +%s%N); "$@" 2>/dev/null; end=$(date +%s%N); echo "wall-ns=$((end - start))"' \
      _ "$launcher" --home "$home" --measure-startup "$@")"
  else
    start=$(date +%s%N)
    out="$(JAVA_TOOL_OPTIONS="-Dglass.platform=Headless ${SETTLE_OPTION:-}" "$launcher" --home "$home" --measure-startup "$@" 2>/dev/null)"
    end=$(date +%s%N)
    out="$out wall-ns=$((end - start))"
  fi
  rm -rf "$home"
  local ff rss wall
  ff="$(sed -n 's/.*first-frame-ms=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)"
  rss="$(sed -n 's/.*rss-mb=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)"
  wall="$(sed -n 's/.*wall-ns=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)"
  [ -n "$ff" ] && [ -n "$rss" ] || { echo "bench: no first-frame-ms/rss-mb line from $launcher: $out" >&2; exit 1; }
  local loaded loaded_rss settled_rss
  loaded="$(sed -n 's/.*loaded-ms=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)"
  loaded_rss="$(sed -n 's/.*loaded-rss-mb=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)"
  settled_rss="$(sed -n 's/.*settled-rss-mb=\([0-9]*\).*/\1/p' <<<"$out" | head -n 1)"
  echo "$ff $rss $((wall / 1000000)) ${loaded:-0} ${loaded_rss:-0} ${settled_rss:-0}"
}

median() { sort -n | awk '{ v[NR] = $1 } END { if (NR % 2) print v[(NR + 1) / 2]; else print int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# A warm-up start of each variant: the first start after packaging pays for reading the image from disk.
measure "$IMAGE/bin/Waiver" >/dev/null
measure "$WORK/Waiver-nocache/bin/Waiver" >/dev/null

: > "$WORK/with.txt"
: > "$WORK/without.txt"
for i in $(seq 1 "$RUNS"); do
  measure "$IMAGE/bin/Waiver" >> "$WORK/with.txt"
  measure "$WORK/Waiver-nocache/bin/Waiver" >> "$WORK/without.txt"
  echo "bench: run $i/$RUNS  with: $(tail -n 1 "$WORK/with.txt")  without: $(tail -n 1 "$WORK/without.txt")  (first-frame-ms rss-mb wall-ms)" >&2
done

report() {   # label file
  local ff rss wall
  ff="$(cut -d' ' -f1 "$2" | median)"; rss="$(cut -d' ' -f2 "$2" | median)"; wall="$(cut -d' ' -f3 "$2" | median)"
  loaded="$(cut -d' ' -f4 "$2" | median)"; loaded_rss="$(cut -d' ' -f5 "$2" | median)"
  printf '%-22s first-frame %5d ms   wall %5d ms   rss %4d MB   loaded %5d ms, rss %4d MB\n' \
    "$1" "$ff" "$wall" "$rss" "$loaded" "$loaded_rss"
}
median_of() { cut -d' ' -f"$1" "$2" | median; }

echo "startup ($platform platform, $RUNS runs each, medians; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg))"
report "with AOT cache" "$WORK/with.txt"
report "without AOT cache" "$WORK/without.txt"
awk -v a="$(median_of 1 "$WORK/with.txt")" -v b="$(median_of 1 "$WORK/without.txt")" \
    -v c="$(median_of 3 "$WORK/with.txt")" -v d="$(median_of 3 "$WORK/without.txt")" \
  'BEGIN { printf "ratio with/without     first-frame %.2f   wall %.2f   (speed-up %.2fx)\n", a / b, c / d, b / a }'

# Memory with a large register: a generated workspace of 10,000 PolicyExceptions (100 files of 100).
if [ "${BENCH_10K:-1}" != 0 ]; then
  ws="$WORK/workspace-10k"
  mkdir -p "$ws/exceptions"
  namespaces=(payments checkout data-platform ml-training observability ingress ci-runners search identity billing)
  for f in $(seq 0 99); do
    for j in $(seq 0 99); do
      n=$((f * 100 + j))
      ns="${namespaces[$((n % 10))]}"
      cat <<EOF
---
apiVersion: kyverno.io/v2
kind: PolicyException
metadata:
  name: exception-$n
  namespace: $ns
  annotations:
    waiver.dev/requestor: user$((n % 97))@example.com
    waiver.dev/ticket: SEC-$n
    waiver.dev/reason: generated for the start-up benchmark
spec:
  exceptions:
    - policyName: disallow-privileged-containers
      ruleNames: [privileged-containers, autogen-privileged-containers]
  match:
    any:
      - resources: {kinds: [Pod, Deployment], namespaces: [$ns], names: [workload-$n*]}
EOF
    done > "$ws/exceptions/batch-$f.yaml"
  done
  : > "$WORK/10k.txt"
  for i in 1 2 3; do
    SETTLE_OPTION="-Dwaiver.measure.settle=${BENCH_SETTLE:-8}" measure "$IMAGE/bin/Waiver" --dir "$ws" >> "$WORK/10k.txt"
  done
  report "10k exceptions, cache" "$WORK/10k.txt"
  echo "10k exceptions: rss right after the load $(cut -d' ' -f5 "$WORK/10k.txt" | tr '\n' ' ')MB;" \
    "${BENCH_SETTLE:-8} s later $(cut -d' ' -f6 "$WORK/10k.txt" | tr '\n' ' ')MB (median $(cut -d' ' -f6 "$WORK/10k.txt" | median) MB)"
fi
