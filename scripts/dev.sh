#!/usr/bin/env bash
# The two commands of README: `scripts/dev.sh run` and `scripts/dev.sh test`.
# Both install missing Debian/Ubuntu packages, configure and build; then run or test.
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build="${ANADESK_BUILD_DIR:-$here/build}"

install_packages() {
    local wanted missing=()
    wanted=$(grep -v '^#' "$here/scripts/debian-packages.txt" | grep -v '^$')
    for p in $wanted; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    echo "Installing missing packages: ${missing[*]}" >&2
    local sudo=""
    [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
}

configure_and_build() {
    local werror=OFF
    [ "${CI:-}" = "true" ] && werror=ON
    cmake -S "$here" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DANADESK_WERROR=$werror >&2
    cmake --build "$build" --parallel "$(nproc)" >&2
}

case "${1:-}" in
run)
    install_packages
    configure_and_build
    shift
    exec "$here/scripts/run-demo.sh" "$build" "$@"
    ;;
test)
    install_packages
    configure_and_build
    cd "$build"
    exec ctest -j2 --output-on-failure --timeout 600
    ;;
*)
    echo "usage: scripts/dev.sh run|test" >&2
    exit 2
    ;;
esac
