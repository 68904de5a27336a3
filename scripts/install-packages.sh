#!/usr/bin/env bash
# Installs the Debian packages Geo uses beyond the .NET SDK, when missing:
#   scripts/install-packages.sh [package ...]   (default: everything the tests use)
set -euo pipefail
packages=("$@")
[ ${#packages[@]} -gt 0 ] || packages=(postgresql-15 postgresql-15-postgis-3 postgresql-15-pgrouting gdal-bin fonts-noto-cjk poppler-utils chromium curl)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ]; then
  echo "install-packages.sh: missing Debian packages ${missing[*]}: run as root, or: sudo apt-get install ${missing[*]}" >&2
  exit 1
fi
echo "install-packages.sh: installing ${missing[*]}" >&2
DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2 || {
  apt-get update -q >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" >&2
}
