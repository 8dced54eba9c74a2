#!/usr/bin/env bash
# bench-view.sh — time and peak memory (VmHWM) of reading the sandbox's 1,000,000-cell view
# (DAT01 Store Sales.Jan-Oct, 635000000001: 2,000 stores × 50 SKUs × 10 months) through
# TransactionalClient::getViewData, as CSV and as JSON parsed into ViewData. One process per read
# (VmHWM is per process); each read RUNS times. Not a test: it prints figures.
#
# Usage: benchmarks/view/bench-view.sh
# Environment: BUILD_DIR (default build-bench-view), BENCH_BIN + SANDBOX_BIN (skip the build), RUNS (3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RUNS=${RUNS:-3}
MODEL=75A40874E6B64FA3AE0743278B9E3A10
VIEW=635000000001
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-view.XXXXXX")
SANDBOX_PID=
cleanup() {
    if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
die() { echo "bench-view: $*" >&2; exit 1; }

if [ -z "${BENCH_BIN:-}" ] || [ -z "${SANDBOX_BIN:-}" ]; then
    BUILD=${BUILD_DIR:-$ROOT/build-bench-view}
    echo "building release binaries in $BUILD …"
    cmake -S "$ROOT/benchmarks/view" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD" --target anadesk-view-bench anadesk-sandbox >/dev/null
    BENCH_BIN=$BUILD/anadesk-view-bench
    SANDBOX_BIN=$BUILD/anadesk/app/sandbox/anadesk-sandbox
fi

"$SANDBOX_BIN" --port 0 > "$WORK/sandbox.out" 2> "$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 100); do grep -qs listening "$WORK/sandbox.out" && break; sleep 0.1; done
URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/sandbox.out")
[ -n "$URL" ] || die "sandbox did not start: $(cat "$WORK/sandbox.err")"
export ANADESK_BENCH_USER=demo@anadesk.test
export ANADESK_BENCH_PASSWORD=${ANADESK_SANDBOX_PASSWORD:-Sandbox-Demo-1}
echo "sandbox $URL model=$MODEL view=$VIEW runs=$RUNS cpus=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"

for format in csv json; do
    for run in $(seq "$RUNS"); do
        "$BENCH_BIN" "$URL" "$MODEL" "$VIEW" "$format" | sed "s/^RESULT /run=$run /"
    done
done
echo "sandbox peak_rss_mb=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SANDBOX_PID/status")"
