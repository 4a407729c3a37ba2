#!/usr/bin/env sh
# Installs the Debian packages the tests need, if they are missing:
#   chromium            headless browser tests (tests/test_browser.py)
#   fonts-wqy-microhei, fonts-wqy-zenhei  CJK fonts for synthetic gazette PDFs (tools/synth)
#   fonts-arphic-uming, fonts-arphic-ukai  faces of the independent layouts (bench/indep)
set -eu
missing=""
command -v chromium >/dev/null 2>&1 || missing="$missing chromium"
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing="$missing fonts-wqy-microhei"
[ -e /usr/share/fonts/truetype/wqy/wqy-zenhei.ttc ] || missing="$missing fonts-wqy-zenhei"
[ -e /usr/share/fonts/truetype/arphic/uming.ttc ] || missing="$missing fonts-arphic-uming"
[ -e /usr/share/fonts/truetype/arphic/ukai.ttc ] || missing="$missing fonts-arphic-ukai"
[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
  echo "error: missing system packages:$missing; install them with your package manager" >&2
  exit 1
fi
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
echo "installing:$missing" >&2
$SUDO apt-get update -qq
DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq $missing >/dev/null
