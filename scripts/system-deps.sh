#!/usr/bin/env sh
# Installs the Debian packages the tests need, if they are missing:
#   chromium            headless browser tests (tests/test_browser.py)
#   fonts-wqy-microhei, fonts-wqy-zenhei  CJK fonts for synthetic gazette PDFs (tools/synth)
#   fonts-arphic-uming, fonts-arphic-ukai  faces of the independent layouts (bench/indep)
# and the npm package axe-core (accessibility checks, tests/test_axe.py) into build/npm/
# (git-ignored), when it is not there yet and npm is installed.
set -eu
cd "$(dirname "$0")/.."
install_axe() {
  [ -e build/npm/node_modules/axe-core/axe.min.js ] && return 0
  if ! command -v npm >/dev/null 2>&1; then
    echo "warning: npm is not installed; tests/test_axe.py will be skipped" >&2
    return 0
  fi
  echo "installing: axe-core@4 (npm, into build/npm)" >&2
  mkdir -p build/npm
  npm install --no-save --no-audit --no-fund --silent --prefix build/npm axe-core@4 >/dev/null
}
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$missing fonts-wqy-microhei"
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing="$missing fonts-wqy-zenhei"
[ -e /usr/share/fonts/truetype/arphic/uming.ttc ] || missing="$missing fonts-arphic-uming"
[ -e /usr/share/fonts/truetype/arphic/ukai.ttc ] || missing="$missing fonts-arphic-ukai"
[ -z "$missing" ] && { install_axe; exit 0; }
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing system packages:$missing; install them with your package manager" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
install_axe
