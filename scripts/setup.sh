#!/usr/bin/env bash
# Installs the Debian packages simbrowse builds against, when they are missing.
# Safe to run repeatedly: it asks apt only for what pkg-config cannot find.
set -euo pipefail
need=()
check() { pkg-config --exists "$1" 2>/dev/null || need+=("$2"); }
command -v pkg-config >/dev/null 2>&1 || need+=(pkg-config)
check libxml-2.0 libxml2-dev
check javascriptcoregtk-4.1 libjavascriptcoregtk-4.1-dev
check libpsl libpsl-dev
check libidn2 libidn2-dev
check spng libspng-dev
[ -f /usr/share/publicsuffix/public_suffix_list.dat ] || need+=(publicsuffix)
if [ ${#need[@]} -gt 0 ]; then
  echo "setup: installing ${need[*]}" >&2
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need[@]}" >/dev/null
fi
