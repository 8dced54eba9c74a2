#!/usr/bin/env bash
# bench-scim.sh — time and peak memory (VmHWM) of listing every SCIM user of an anadesk-sandbox seeded with
# --large-user-count 100000 (102,000 users), through ScimClient::getUsers() (pages of 100, 4 in flight).
# Release build; the sandbox runs on loopback on a free port. Not a test: it prints figures (and fails only
# when the listing is wrong: duplicates, gaps, or a count that differs from totalResults).
#
# Usage: benchmarks/scim/bench-scim.sh
# Environment: BUILD_DIR (default build-bench-scim), BENCH_BIN + SANDBOX_BIN (skip the build),
#   USERS (default 100000), CONCURRENCY (default 4), RUNS (default 3).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
USERS=${USERS:-100000}
CONCURRENCY=${CONCURRENCY:-4}
RUNS=${RUNS:-3}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-scim.XXXXXX")
SANDBOX_PID=
cleanup() {
    if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true; fi
    rm -rf "$WORK"
}
trap cleanup EXIT
die() { echo "bench-scim: $*" >&2; exit 1; }

if [ -z "${BENCH_BIN:-}" ] || [ -z "${SANDBOX_BIN:-}" ]; then
    BUILD=${BUILD_DIR:-$ROOT/build-bench-scim}
    echo "building release binaries in $BUILD …"
    cmake -S "$ROOT/benchmarks/scim" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD" --target anadesk-scim-bench anadesk-sandbox >/dev/null
    BENCH_BIN=$BUILD/anadesk-scim-bench
    SANDBOX_BIN=$BUILD/anadesk/app/sandbox/anadesk-sandbox
fi

START=$(date +%s.%N)
"$SANDBOX_BIN" --port 0 --large-user-count "$USERS" > "$WORK/sandbox.out" 2> "$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 1200); do grep -qs listening "$WORK/sandbox.out" && break; sleep 0.1; done
URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/sandbox.out")
[ -n "$URL" ] || die "sandbox did not start: $(cat "$WORK/sandbox.err")"
echo "sandbox $URL large_user_count=$USERS startup_seconds=$(python3 -c "print(f'{$(date +%s.%N)-$START:.1f}')") cpus=$(nproc)"
export ANADESK_BENCH_USER=demo@anadesk.test
export ANADESK_BENCH_PASSWORD=${ANADESK_SANDBOX_PASSWORD:-Sandbox-Demo-1}
for run in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$WORK/time" "$BENCH_BIN" "$URL" 100 "$CONCURRENCY" > "$WORK/out" || die "run $run: $(cat "$WORK/out")"
    read -r secs kb < "$WORK/time"
    echo "run=$run $(sed 's/^RESULT //' "$WORK/out") process_seconds=$secs process_peak_rss_mb=$(python3 -c "print(f'{$kb/1024:.1f}')")"
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sandbox peak_rss_mb=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SANDBOX_PID/status")"
