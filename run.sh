#!/usr/bin/env bash
# Install Evidence Desk into ./.venv (first run only) and start the desktop application.
# On Debian/Ubuntu run as root (or with sudo available) to add the X11 libraries
# Qt needs when they are missing; everything else comes from PyPI.
set -euo pipefail
cd "$(dirname "$0")"
QT_XCB_LIBS="libxcb-cursor0 libxkbcommon-x11-0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-render-util0 libxcb-shape0 libxcb-randr0 libxcb-xinerama0 libegl1 libgl1 libfontconfig1 libpulse0 \
fonts-dejavu-core"
if command -v apt-get >/dev/null 2>&1 && command -v dpkg >/dev/null 2>&1; then
  missing=$(for p in $QT_XCB_LIBS; do dpkg -s "$p" >/dev/null 2>&1 || echo "$p"; done)
  if [ -n "$missing" ]; then
    SUDO=""; [ "$(id -u)" = "0" ] || SUDO="sudo"
    echo "Installing system libraries for Qt: $missing"
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq --no-install-recommends $missing \
      || echo "warning: could not install $missing; the window may not open" >&2
  fi
fi
if [ ! -x .venv/bin/evidence-desk ]; then
  python3 -m venv .venv
  .venv/bin/pip install --quiet --upgrade pip
  .venv/bin/pip install --quiet -e .
fi
# An environment made before the switch to sqlcipher3-wheels: both wheels ship the same
# `sqlcipher3` package, so the old one is removed before the new one is installed.
if compgen -G ".venv/lib/python3*/site-packages/sqlcipher3_binary-*.dist-info" >/dev/null; then
  .venv/bin/pip uninstall --quiet --yes sqlcipher3-binary && .venv/bin/pip install --quiet -e .
fi
exec .venv/bin/evidence-desk "$@"
