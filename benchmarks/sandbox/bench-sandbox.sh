#!/usr/bin/env bash
# bench-sandbox.sh — how fast a release anadesk-sandbox accepts and serves a 1 GiB file in 25 MB chunks over
# loopback (PUT/GET …/files/{id}/chunks/{n}, the tenant's seeded file 113000000000), and its peak memory,
# beside trivial reference servers doing the same requests with the same curl:
#   upload reference:   a Python http.server handler that reads each PUT body and throws it away;
#   download reference: python3 -m http.server serving the chunk files.
# Not a test (not in ctest): it prints figures and never judges speed. It does check that the bytes
# downloaded back equal the bytes uploaded (SHA-256), and that every request succeeded.
#
# Usage: benchmarks/sandbox/bench-sandbox.sh
# Environment: SANDBOX_BIN (skip the build), BUILD_DIR (default build-bench), TOTAL_BYTES (default 1 GiB),
#              CHUNK_BYTES (default 25,000,000), KEEP=1 (keep the work directory).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
TOTAL=${TOTAL_BYTES:-1073741824}
CHUNK=${CHUNK_BYTES:-25000000}
FILE_ID=113000000000
WORK=$(mktemp -d "${TMPDIR:-/tmp}/bench-sandbox.XXXXXX")
chmod 700 "$WORK"
PIDS=()

cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
    if [ "${KEEP:-0}" != 1 ]; then rm -rf "$WORK"; else echo "kept $WORK"; fi
}
trap cleanup EXIT

die() { echo "bench-sandbox: $*" >&2; exit 1; }
now_ns() { date +%s%N; }
mbps() { python3 -c "print(f'{$1 / 1e6 / (($2) / 1e9):.1f}')"; }
hwm_mb() { awk '/VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/$1/status"; }

for tool in curl python3 cmake sha256sum; do
    command -v "$tool" >/dev/null || die "$tool is needed"
done

# 1. A release build of the sandbox (only that target).
if [ -z "${SANDBOX_BIN:-}" ]; then
    BUILD=${BUILD_DIR:-$ROOT/build-bench}
    echo "building a release anadesk-sandbox in $BUILD …"
    cmake -S "$ROOT" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release -DANADESK_BUILD_GUI=OFF \
        -DANADESK_BUILD_TESTS=OFF >/dev/null
    cmake --build "$BUILD" --target anadesk-sandbox >/dev/null
    SANDBOX_BIN=$BUILD/app/sandbox/anadesk-sandbox
fi
[ -x "$SANDBOX_BIN" ] || die "no sandbox binary at $SANDBOX_BIN"

# 2. The payload: random (incompressible) chunks, written once.
COUNT=$(( (TOTAL + CHUNK - 1) / CHUNK ))
mkdir -p "$WORK/chunks"
echo "generating $TOTAL bytes in $COUNT chunks of $CHUNK bytes …"
for ((i = 0; i < COUNT; i++)); do
    size=$(( TOTAL - i * CHUNK < CHUNK ? TOTAL - i * CHUNK : CHUNK ))
    head -c "$size" /dev/urandom > "$WORK/chunks/$(printf '%04d' "$i")"
done
SOURCE_SHA=$(cat "$WORK"/chunks/* | sha256sum | cut -d' ' -f1)

# 3. Start the sandbox and log in. Credentials and the token go into curl config files (mode 600),
#    never on a command line.
HELP=$("$SANDBOX_BIN" --help)
WS=$(sed -n 's/.*Seeded demo workspace \([0-9a-f]*\), model \([0-9A-F]*\)\..*/\1/p' <<<"$HELP")
MODEL=$(sed -n 's/.*Seeded demo workspace \([0-9a-f]*\), model \([0-9A-F]*\)\..*/\2/p' <<<"$HELP")
[ -n "$WS" ] && [ -n "$MODEL" ] || die "could not read the demo workspace and model from --help"

"$SANDBOX_BIN" --port 0 --data "$WORK/data" >"$WORK/sandbox.out" 2>"$WORK/sandbox.err" &
SANDBOX_PID=$!
PIDS+=("$SANDBOX_PID")
for _ in $(seq 100); do grep -q listening "$WORK/sandbox.out" 2>/dev/null && break; sleep 0.1; done
URL=$(sed -n 's/^anadesk-sandbox listening on //p' "$WORK/sandbox.out")
[ -n "$URL" ] || die "the sandbox did not start: $(cat "$WORK/sandbox.err")"

umask 077
printf 'user = "demo@anadesk.test:Sandbox-Demo-1"\n' >"$WORK/basic.cfg"
TOKEN=$(curl -sS -X POST -K "$WORK/basic.cfg" "$URL/token/authenticate" |
    python3 -c 'import json,sys; print(json.load(sys.stdin)["tokenInfo"]["tokenValue"])')
printf 'header = "Authorization: AnaplanAuthToken %s"\n' "$TOKEN" >"$WORK/auth.cfg"
unset TOKEN

FILE_URL="$URL/2/0/workspaces/$WS/models/$MODEL/files/$FILE_ID"
STARTED=$(curl -sS -K "$WORK/auth.cfg" -H 'Content-Type: application/json' \
    -d "{\"chunkCount\": $COUNT}" "$FILE_URL" | python3 -c 'import json,sys; print(json.load(sys.stdin)["file"]["id"])')
[ "$STARTED" = "$FILE_ID" ] || die "POST chunkCount answered file id $STARTED, not $FILE_ID"

# 4. Upload: one curl, one keep-alive connection, chunks in order.
{
    echo 'header = "Content-Type: application/octet-stream"'
    for ((i = 0; i < COUNT; i++)); do
        echo "upload-file = \"$WORK/chunks/$(printf '%04d' "$i")\""
        echo "url = \"$FILE_URL/chunks/$i\""
        echo 'output = "/dev/null"'
    done
} >"$WORK/upload.cfg"
t0=$(now_ns)
curl -sS -K "$WORK/auth.cfg" -K "$WORK/upload.cfg" -w '%{http_code}\n' >"$WORK/upload.codes"
t1=$(now_ns)
[ "$(grep -c '^204$' "$WORK/upload.codes")" = "$COUNT" ] || die "some chunk PUTs failed: $(sort "$WORK/upload.codes" | uniq -c)"
UP_NS=$((t1 - t0))
UP_HWM=$(hwm_mb "$SANDBOX_PID")

# 5. Download the chunks back: timed into /dev/null (sha256sum would be the bottleneck), then once more
#    untimed through sha256sum to prove the round trip (nothing stored on the client side).
for ((i = 0; i < COUNT; i++)); do echo "url = \"$FILE_URL/chunks/$i\""; done >"$WORK/download.cfg"
t0=$(now_ns)
curl -sS --fail -K "$WORK/auth.cfg" -K "$WORK/download.cfg" >/dev/null
t1=$(now_ns)
DOWN_NS=$((t1 - t0))
DOWN_SHA=$(curl -sS --fail -K "$WORK/auth.cfg" -K "$WORK/download.cfg" | sha256sum | cut -d' ' -f1)
DOWN_HWM=$(hwm_mb "$SANDBOX_PID")
[ "$DOWN_SHA" = "$SOURCE_SHA" ] || die "downloaded bytes differ from the uploaded ones"
kill "$SANDBOX_PID"; wait "$SANDBOX_PID" || true

# 6. References with the same curl requests: a PUT sink that discards the bodies, and one that writes each
#    body to a new file like the sandbox's chunk store does (fresh-file writes cost much on some disks).
cat >"$WORK/sink.py" <<'PY'
import http.server, itertools, os, sys
store = sys.argv[1] if len(sys.argv) > 1 else None
names = itertools.count()
class Sink(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"          # keep-alive, and 100-continue answered by the base class
    def do_PUT(self):
        left = int(self.headers.get("Content-Length", "0"))
        out = open(os.path.join(store, str(next(names))), "wb") if store else None
        while left > 0:
            block = self.rfile.read(min(left, 1 << 20))
            left -= len(block)
            if out: out.write(block)
        if out: out.close()
        self.send_response(204); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *args): pass
server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Sink)
print(server.server_address[1], flush=True)
server.serve_forever()
PY
# reference_upload NAME [STORE_DIR]: sets REF_NS and REF_HWM
reference_upload() {
    python3 "$WORK/sink.py" ${2:+"$2"} >"$WORK/$1.port" &
    local pid=$!
    PIDS+=("$pid")
    for _ in $(seq 50); do [ -s "$WORK/$1.port" ] && break; sleep 0.1; done
    sed "s#$FILE_URL#http://127.0.0.1:$(cat "$WORK/$1.port")#" "$WORK/upload.cfg" >"$WORK/$1.cfg"
    local t0 t1
    t0=$(now_ns)
    curl -sS -K "$WORK/$1.cfg" -w '%{http_code}\n' >"$WORK/$1.codes"
    t1=$(now_ns)
    REF_NS=$((t1 - t0))
    REF_HWM=$(hwm_mb "$pid")
    [ "$(grep -c '^204$' "$WORK/$1.codes")" = "$COUNT" ] || die "reference upload $1 failed"
    kill "$pid"
}
reference_upload sink-discard
REF_UP_NS=$REF_NS; REF_UP_HWM=$REF_HWM
rm -rf "$WORK/data" # the sandbox's copy is no longer needed: keep the disk use at about 2 GiB
mkdir -p "$WORK/ref-store"
reference_upload sink-store "$WORK/ref-store"
REF_STORE_NS=$REF_NS; REF_STORE_HWM=$REF_HWM
rm -rf "$WORK/ref-store"

REF_PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
python3 -m http.server --bind 127.0.0.1 --directory "$WORK/chunks" "$REF_PORT" >/dev/null 2>&1 &
FILES_PID=$!
PIDS+=("$FILES_PID")
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$REF_PORT/" && break; sleep 0.1; done
for ((i = 0; i < COUNT; i++)); do echo "url = \"http://127.0.0.1:$REF_PORT/$(printf '%04d' "$i")\""; done >"$WORK/download-ref.cfg"
t0=$(now_ns)
curl -sS --fail -K "$WORK/download-ref.cfg" >/dev/null
t1=$(now_ns)
REF_DOWN_NS=$((t1 - t0))
REF_DOWN_HWM=$(hwm_mb "$FILES_PID")

# 7. Figures.
echo
printf '%-34s %10s %10s %14s\n' "" "seconds" "MB/s" "peak RSS (MB)"
printf '%-34s %10.2f %10s %14s\n' "anadesk-sandbox upload (PUT)" "$(python3 -c "print($UP_NS/1e9)")" "$(mbps "$TOTAL" "$UP_NS")" "$UP_HWM"
printf '%-34s %10.2f %10s %14s\n' "anadesk-sandbox download (GET)" "$(python3 -c "print($DOWN_NS/1e9)")" "$(mbps "$TOTAL" "$DOWN_NS")" "$DOWN_HWM"
printf '%-34s %10.2f %10s %14s\n' "reference upload (discarding)" "$(python3 -c "print($REF_UP_NS/1e9)")" "$(mbps "$TOTAL" "$REF_UP_NS")" "$REF_UP_HWM"
printf '%-34s %10.2f %10s %14s\n' "reference upload (writing files)" "$(python3 -c "print($REF_STORE_NS/1e9)")" "$(mbps "$TOTAL" "$REF_STORE_NS")" "$REF_STORE_HWM"
printf '%-34s %10.2f %10s %14s\n' "reference download (http.server)" "$(python3 -c "print($REF_DOWN_NS/1e9)")" "$(mbps "$TOTAL" "$REF_DOWN_NS")" "$REF_DOWN_HWM"
echo "bytes=$TOTAL chunks=$COUNT chunk_bytes=$CHUNK sha256_roundtrip=ok cores=$(nproc) load=$(cut -d' ' -f1-3 /proc/loadavg)"
echo "FIGURE: sandbox_upload_MBps=$(mbps "$TOTAL" "$UP_NS") sandbox_download_MBps=$(mbps "$TOTAL" "$DOWN_NS") sandbox_peak_rss_MB=$DOWN_HWM ref_upload_MBps=$(mbps "$TOTAL" "$REF_UP_NS") ref_store_upload_MBps=$(mbps "$TOTAL" "$REF_STORE_NS") ref_download_MBps=$(mbps "$TOTAL" "$REF_DOWN_NS") bytes=$TOTAL chunks=$COUNT"
