#!/usr/bin/env bash
# Screenshots of the main window with real sandbox data, taken under Xvfb (not a test):
#   scripts/screenshots.sh [build-dir]   → docs/screenshots/*.png (at least 1280×800)
# Needs: xvfb (xvfb-run), and the built targets anadesk and anadesk-sandbox.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${1:-${ANADESK_BUILD_DIR:-$here/build}}"
app="$build/app/desktop/anadesk"
sandbox="$build/app/sandbox/anadesk-sandbox"
out="$here/docs/screenshots"
command -v xvfb-run >/dev/null || { echo "xvfb-run not found: apt-get install xvfb" >&2; exit 1; }
[ -x "$app" ] && [ -x "$sandbox" ] || { echo "build anadesk and anadesk-sandbox first (in $build)" >&2; exit 1; }
mkdir -p "$out"

# The demo workspace and model, as the sandbox documents them in --help.
help=$("$sandbox" --help)
workspace=$(grep -o 'workspace [0-9a-f]\{32\}' <<<"$help" | head -n1 | cut -d' ' -f2)
model=$(grep -o 'model [0-9A-F]\{32\}' <<<"$help" | head -n1 | cut -d' ' -f2)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
shoot() { # <name> <extra anadesk args…>
    local name="$1"; shift
    # A fresh settings file: default 1280×800 window, no saved layout, no profiles (and no secrets).
    xvfb-run --auto-servernum --server-args="-screen 0 1600x1000x24" \
        env QT_QPA_PLATFORM=xcb LANG="${LANG:-C.UTF-8}" LC_ALL="${LC_ALL:-}" LANGUAGE="${LANGUAGE:-}" XDG_CONFIG_HOME="$work/config-$name" \
        "$app" --settings "$work/$name.ini" --sandbox --sandbox-bin "$sandbox" \
        --screenshot "$out/$name.png" --screenshot-delay 5000 "$@"
    echo "$out/$name.png" >&2
}
shoot main-window --select-model "$workspace/$model"
# The same window in German (translations/anadesk_de.ts).
LANG=de_DE.UTF-8 LANGUAGE=de shoot main-window-de --select-model "$workspace/$model"
