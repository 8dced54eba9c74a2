#!/usr/bin/env bash
# Runs a command against a real, throwaway Secret Service (gnome-keyring) on a private D-Bus session:
#
#   scripts/with-keyring.sh <command> [args...]
#
# Used by the CTest registration of the real keychain tests (tests/credentials/). It never touches the
# user's own keyring or session bus: the keyring files live in a temporary XDG_DATA_HOME that is deleted
# afterwards, the bus is a new one from dbus-run-session, and the "login" keyring is created and unlocked
# with a random throwaway password (fed on stdin, never on a command line).
#
# Exit status: the command's own status; 77 (CTest SKIP_RETURN_CODE) when no working keychain could be
# set up (dbus-run-session or gnome-keyring-daemon missing, or the default collection never became
# unlocked) — unless ANADESK_REQUIRE_KEYCHAIN=1, in which case that is a failure (1), as in CI.
set -euo pipefail

skip_code=77
unavailable() {
    echo "with-keyring.sh: SKIP: no working keychain: $*" >&2
    echo "with-keyring.sh: install the packages of scripts/debian-packages.txt (gnome-keyring, dbus-daemon," \
        "dbus-bin, libsecret-1-0) to run this test." >&2
    if [ "${ANADESK_REQUIRE_KEYCHAIN:-0}" = "1" ]; then
        echo "with-keyring.sh: ANADESK_REQUIRE_KEYCHAIN=1, so this is a failure, not a skip." >&2
        exit 1
    fi
    exit "$skip_code"
}

[ $# -ge 1 ] || { echo "usage: $0 <command> [args...]" >&2; exit 2; }
for tool in dbus-run-session dbus-send gnome-keyring-daemon; do
    command -v "$tool" >/dev/null 2>&1 || unavailable "'$tool' is not installed"
done

scratch=$(mktemp -d "${TMPDIR:-/tmp}/anadesk-keyring.XXXXXX")
trap 'rm -rf "$scratch"' EXIT
mkdir -m 700 "$scratch/data" "$scratch/runtime" "$scratch/config"
export XDG_DATA_HOME="$scratch/data" XDG_RUNTIME_DIR="$scratch/runtime" XDG_CONFIG_HOME="$scratch/config"
# No desktop hints: QtKeychain must pick the Secret Service (libsecret) and not look for KWallet.
unset XDG_CURRENT_DESKTOP DESKTOP_SESSION KDE_FULL_SESSION KDE_SESSION_VERSION GNOME_DESKTOP_SESSION_ID

# Runs inside the private bus. Exit 77 from here means "keychain not available".
inner=$(cat <<'INNER'
set -euo pipefail
bus_call() { # <object path> <interface.method> [args...]  -> reply text, or fails
    dbus-send --session --print-reply=literal --reply-timeout=2000 --dest="$1" "${@:2}"
}
secrets_ready() {
    bus_call org.freedesktop.DBus /org/freedesktop/DBus org.freedesktop.DBus.NameHasOwner \
        string:org.freedesktop.secrets 2>/dev/null | grep -q true || return 1
    bus_call org.freedesktop.secrets /org/freedesktop/secrets/aliases/default \
        org.freedesktop.DBus.Properties.Get string:org.freedesktop.Secret.Collection string:Locked \
        2>/dev/null | grep -q false
}

# A random throwaway password: it protects nothing but this temporary keyring.
head -c 24 /dev/urandom | base64 | tr -d '\n' \
    | gnome-keyring-daemon --daemonize --unlock --components=secrets >/dev/null \
    || { echo "with-keyring.sh: gnome-keyring-daemon did not start" >&2; exit 77; }

for _ in $(seq 1 100); do # up to ~10 s for the daemon to own the name and unlock "login"
    secrets_ready && break
    sleep 0.1
done
secrets_ready || { echo "with-keyring.sh: the Secret Service did not come up unlocked" >&2; exit 77; }

daemon_pid=$(bus_call org.freedesktop.DBus /org/freedesktop/DBus \
    org.freedesktop.DBus.GetConnectionUnixProcessID string:org.freedesktop.secrets | awk '{print $NF}')
status=0
"$@" || status=$?
# Stop the daemon we started (by its id) so nothing outlives the test.
if [ -n "$daemon_pid" ] && kill -0 "$daemon_pid" 2>/dev/null; then
    kill "$daemon_pid" 2>/dev/null || true
fi
exit "$status"
INNER
)

status=0
dbus-run-session -- bash -c "$inner" with-keyring "$@" || status=$?
if [ "$status" -eq "$skip_code" ]; then
    unavailable "see the message above"
fi
exit "$status"
