#!/usr/bin/env bash
# Starts a fresh anadesk-sandbox on a free loopback port and runs a short anadesk-cli session
# against it (until the desktop app exists; then it opens the window connected to the sandbox).
set -euo pipefail
build="$1"; shift || true
sandbox_log=$(mktemp)
"$build/app/sandbox/anadesk-sandbox" --port 0 >"$sandbox_log" 2>&1 &
sandbox_pid=$!
trap 'kill $sandbox_pid 2>/dev/null || true; rm -f "$sandbox_log"' EXIT
for _ in $(seq 1 100); do
    url=$(grep -o 'http://[^ ]*' "$sandbox_log" | head -n1 || true)
    [ -n "$url" ] && break
    sleep 0.1
done
[ -n "${url:-}" ] || { echo "anadesk-sandbox did not start:" >&2; cat "$sandbox_log" >&2; exit 1; }
echo "anadesk-sandbox is listening on $url" >&2
cli="$build/app/cli/anadesk-cli"
# The sandbox's documented demo account (anadesk-sandbox --help); not a real secret.
export ANADESK_PASSWORD='Sandbox-Demo-1'
user='demo@anadesk.test'
set -x
"$cli" --server "$url" --user "$user" workspaces
"$cli" --server "$url" --user "$user" models
