#!/usr/bin/env bash
# bench-transfer.sh — core/transfer's UploadJob and DownloadJob against a release anadesk-sandbox on
# loopback with a generated 1 GiB CSV, next to the references named in the brief, measured in the same run:
#   upload reference:   pigz -p 2 -<level> on the same file (compression alone, to /dev/null);
#   download reference: curl fetching the same chunks from the same sandbox (sequential, and 2 in parallel).
# Each program runs under /usr/bin/time, which reports wall time and peak RSS (ru_maxrss = VmHWM).
# Also prints single-thread gzip throughput/ratio per level and SHA-256 speed (the level-choice data).
# Not a test: it prints figures. It does check that the downloaded file's SHA-256 equals the source's.
#
# Usage: benchmarks/transfer/bench-transfer.sh
# Environment: BUILD_DIR (default build-bench-transfer), BENCH_BIN + SANDBOX_BIN (skip the build),
#   TOTAL_BYTES (default 1 GiB), CHUNK_BYTES (default 25,000,000), LEVEL (default 1), KEEP=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOTAL=${TOTAL_BYTES:-1073741824}
CHUNK=${CHUNK_BYTES:-25000000}
LEVEL=${LEVEL:-1}
FILE_ID=113000000001
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-transfer.XXXXXX")
chmod 700 "$WORK"
SANDBOX_PID=

cleanup() {
    if [ -n "$SANDBOX_PID" ]; then kill "$SANDBOX_PID" 2>/dev/null || true; wait "$SANDBOX_PID" 2>/dev/null || true; fi
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT
die() { echo "bench-transfer: $*" >&2; exit 1; }
for tool in curl pigz sha256sum python3 /usr/bin/time; do command -v "$tool" >/dev/null || die "$tool is needed"; done

# timed NAME CMD…: runs CMD under GNU time; prints "NAME seconds=… peak_rss_mb=…"; stdout goes to
# $WORK/NAME.out, or to /dev/null for names starting with "null_".
# While the sandbox runs, also prints the CPU seconds the sandbox spent during that step (it shares the CPUs).
sandbox_ticks() { if [ -n "$SANDBOX_PID" ]; then awk '{ print $14 + $15 }' "/proc/$SANDBOX_PID/stat"; else echo 0; fi; }
timed() {
    local name=$1; shift
    local out="$WORK/$name.out"
    case $name in null_*) out=/dev/null ;; esac
    local before; before=$(sandbox_ticks)
    /usr/bin/time -f "%e %M %U %S" -o "$WORK/$name.time" "$@" > "$out"
    local after; after=$(sandbox_ticks)
    read -r secs kb user sys < "$WORK/$name.time"
    echo "$name seconds=$secs cpu_seconds=$(python3 -c "print(f'{$user+$sys:.2f}')") peak_rss_mb=$(python3 -c "print(f'{$kb/1024:.1f}')") mb_per_s=$(python3 -c "print(f'{$TOTAL/1e6/$secs:.1f}')")$([ -n "$SANDBOX_PID" ] && echo " sandbox_cpu_seconds=$(python3 -c "print(f'{($after-$before)/$(getconf CLK_TCK):.2f}')")") load=$(cut -d' ' -f1 /proc/loadavg)"
}

# 1. Release build of the bench driver and the sandbox.
if [ -z "${BENCH_BIN:-}" ] || [ -z "${SANDBOX_BIN:-}" ]; then
    BUILD=${BUILD_DIR:-$ROOT/build-bench-transfer}
    echo "building release binaries in $BUILD …"
    cmake -S "$ROOT/benchmarks/transfer" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$BUILD" --target anadesk-transfer-bench anadesk-sandbox >/dev/null
    BENCH_BIN=$BUILD/anadesk-transfer-bench
    SANDBOX_BIN=$BUILD/anadesk/app/sandbox/anadesk-sandbox
fi

# 2. The payload.
SRC=$WORK/source.csv
"$BENCH_BIN" generate "$SRC" "$TOTAL" > "$WORK/generate.out"
SRC_SHA=$(sha256sum "$SRC" | cut -d' ' -f1)
echo "source bytes=$TOTAL sha256=$SRC_SHA chunk=$CHUNK level=$LEVEL cpus=$(nproc) load_before=$(cut -d' ' -f1-3 /proc/loadavg)"
"$BENCH_BIN" levels "$SRC" "$CHUNK" 8 | sed 's/^RESULT //'

# 3. The sandbox, its demo ids from --help, and credentials passed through the environment / a 0600 file.
"$SANDBOX_BIN" --port 0 > "$WORK/sandbox.out" 2> "$WORK/sandbox.err" &
SANDBOX_PID=$!
for _ in $(seq 100); do grep -qs listening "$WORK/sandbox.out" && break; sleep 0.1; done
URL=$(sed -n 's/.*listening on \(http[^ ]*\).*/\1/p' "$WORK/sandbox.out")
[ -n "$URL" ] || die "sandbox did not start: $(cat "$WORK/sandbox.err")"
HELP=$("$SANDBOX_BIN" --help)
WS=$(sed -n 's/.*Seeded demo workspace \([0-9a-f]*\), model \([0-9A-F]*\).*/\1/p' <<< "$HELP")
MODEL=$(sed -n 's/.*Seeded demo workspace \([0-9a-f]*\), model \([0-9A-F]*\).*/\2/p' <<< "$HELP")
[ -n "$WS" ] && [ -n "$MODEL" ] || die "no demo ids in --help"
export ANADESK_BENCH_USER=demo@anadesk.test
export ANADESK_BENCH_PASSWORD=${ANADESK_SANDBOX_PASSWORD:-Sandbox-Demo-1}
printf 'user = "%s:%s"\n' "$ANADESK_BENCH_USER" "$ANADESK_BENCH_PASSWORD" > "$WORK/curl-auth.cfg"
chmod 600 "$WORK/curl-auth.cfg"
echo "sandbox $URL workspace=$WS model=$MODEL"

# 4. Upload with UploadJob, then pigz on the same file at the same level.
timed upload_job "$BENCH_BIN" upload "$URL" "$WS" "$MODEL" "$FILE_ID" "$SRC" --chunk "$CHUNK" --level "$LEVEL" --concurrency 2
sed 's/^RESULT /  /' "$WORK/upload_job.out"
timed null_pigz_p2 pigz -p 2 "-$LEVEL" -c "$SRC"

# 5. Download with DownloadJob, then curl on the same chunks (same token kind, same server).
timed download_job "$BENCH_BIN" download "$URL" "$WS" "$MODEL" "$FILE_ID" "$WORK/back.csv" --batch 2
sed 's/^RESULT /  /' "$WORK/download_job.out"
BACK_SHA=$(sha256sum "$WORK/back.csv" | cut -d' ' -f1)
[ "$BACK_SHA" = "$SRC_SHA" ] || die "downloaded SHA-256 $BACK_SHA differs from the source's $SRC_SHA"
echo "sha256 match=1"
rm -f "$WORK/back.csv"

TOKEN=$(curl -sf -K "$WORK/curl-auth.cfg" -X POST "$URL/token/authenticate" |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["tokenInfo"]["tokenValue"])')
printf 'Authorization: AnaplanAuthToken %s\n' "$TOKEN" > "$WORK/curl-headers"
chmod 600 "$WORK/curl-headers"
BASE="$URL/2/0/workspaces/$WS/models/$MODEL/files/$FILE_ID"
N=$(curl -sf -H @"$WORK/curl-headers" "$BASE/chunks" | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["chunks"]))')
ARGS=()
for i in $(seq 0 $((N - 1))); do ARGS+=(-o "$WORK/curl.$i" "$BASE/chunks/$i"); done
timed curl_sequential curl -sf -H @"$WORK/curl-headers" -H 'Accept: application/octet-stream' "${ARGS[@]}"
CURL_SHA=$(for i in $(seq 0 $((N - 1))); do cat "$WORK/curl.$i"; done | sha256sum | cut -d' ' -f1)
[ "$CURL_SHA" = "$SRC_SHA" ] || die "curl's bytes differ from the source"
rm -f "$WORK"/curl.*
timed curl_parallel2 curl -sf --parallel --parallel-max 2 -H @"$WORK/curl-headers" -H 'Accept: application/octet-stream' "${ARGS[@]}"
rm -f "$WORK"/curl.*
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "sandbox cpu_seconds=$(ps -o times= -p "$SANDBOX_PID" | tr -d ' ') peak_rss_mb=$(awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$SANDBOX_PID/status")"
