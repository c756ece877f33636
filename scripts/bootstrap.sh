#!/usr/bin/env bash
# Set-up shared by scripts/run and scripts/test: system libraries, then a virtual
# environment in .venv with WorkerImpact installed. Idempotent and quick on a second run:
# apt is consulted only for missing packages, pip only when pyproject.toml changed.
#
# Usage: scripts/bootstrap.sh EXTRA    (EXTRA: gui or test)
set -euo pipefail
cd "$(dirname "$0")/.."
extra="${1:-gui}"

# Libraries Qt needs even offscreen, poppler-utils for reading PDFs back in tests, and
# strace for the restore fault-injection test (kills at each rename/unlink/fsync).
packages=(libgl1 libegl1 libdbus-1-3 libfontconfig1 libglib2.0-0 libxkbcommon0
          libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0
          libxcb-randr0 libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1)
if [ "$extra" = test ]; then
    # chromium: the browser the HTML statement's accessibility test runs in; a CJK and an
    # emoji font the PDF finds on the machine (report/fonts.py). strace: the restore's
    # fault-injection test. qpdf: a benign re-save in the tamper corpus.
    packages+=(poppler-utils strace qpdf chromium fonts-droid-fallback fonts-symbola)
fi

find_python() {
    for candidate in python3.13 python3.12 python3.11 python3; do
        if command -v "$candidate" >/dev/null 2>&1 &&
           "$candidate" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
            command -v "$candidate"
            return 0
        fi
    done
    return 1
}

apt_install() {
    local sudo=""
    [ "$(id -u)" -eq 0 ] || sudo="sudo"
    echo "Installing system packages: $*" >&2
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

if command -v dpkg-query >/dev/null 2>&1; then
    missing=()
    for package in "${packages[@]}"; do
        dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "ok installed" ||
            missing+=("$package")
    done
    python="$(find_python || true)"
    if [ -z "$python" ]; then
        missing+=(python3.11 python3.11-venv)       # Ubuntu 22.04 ships 3.10
    elif ! "$python" -c 'import ensurepip, venv' >/dev/null 2>&1; then
        missing+=("python3-venv" "$(basename "$python")-venv")
    fi
    if [ ${#missing[@]} -gt 0 ]; then
        apt_install "${missing[@]}"
    fi
fi

python="$(find_python)" || { echo "WorkerImpact needs Python 3.11 or newer." >&2; exit 1; }

if [ ! -x .venv/bin/python ]; then
    echo "First run: creating a Python environment in .venv (once)…" >&2
    "$python" -m venv .venv
fi
stamp=".venv/.stamp-$extra"
wanted="$(sha256sum pyproject.toml | cut -d' ' -f1)"
if [ "$(cat "$stamp" 2>/dev/null)" != "$wanted" ]; then
    # Say what is happening: the first install takes a minute, and silence reads as a hang.
    echo "Installing WorkerImpact and the libraries it uses into .venv (first run or after" \
         "an update; about a minute)…" >&2
    .venv/bin/python -m pip install --quiet --upgrade pip
    .venv/bin/python -m pip install --progress-bar off --editable ".[$extra]" 2>&1 |
        sed -un 's/^Collecting \([^ ]*\).*/  getting \1/p; s/^Successfully installed .*/  installed./p; /ERROR\|error:/p' >&2
    echo "$wanted" > "$stamp"
    echo "Ready." >&2
fi
# The window's translations: compile ui/i18n/*.ts to the .qm files Qt reads (when missing or
# older than their source; ui/i18n.py also does this at start-up if it finds none).
for ts in ui/i18n/*.ts; do
    [ -x .venv/bin/pyside6-lrelease ] || break    # an install without the window (no gui extra)
    qm="${ts%.ts}.qm"
    if [ ! -f "$qm" ] || [ "$ts" -nt "$qm" ]; then
        .venv/bin/pyside6-lrelease -silent "$ts" -qm "$qm"
    fi
done
