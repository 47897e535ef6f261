#!/usr/bin/env bash
# Prepares a bare Debian 12 machine to build, run and test EONPro Clinic. Run as root; safe to run again.
# Needs only the npm registry and the Debian package mirrors.
#   - Node 24 (from the npm registry's `node` package) when the machine's node is missing or older
#   - chromium (end-to-end tests, browser mode), libsecret + gnome-keyring + dbus (OS keychain for the
#     database key), prometheus (promtool), build-essential + python3 (native modules, if a prebuilt is missing)
set -euo pipefail

if [[ $(id -u) -ne 0 ]]; then
  echo "setup-machine.sh must run as root (it installs Debian packages)." >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
REQUIRED_NODE_MAJOR=24
DEBIAN_PACKAGES=(chromium libsecret-1-dev gnome-keyring dbus dbus-x11 prometheus build-essential python3 openssl)
apt_updated=false

apt_install() {
  if [[ $apt_updated == false ]]; then
    echo "apt-get update"
    apt-get update
    apt_updated=true
  fi
  echo "apt-get install -y $*"
  apt-get install -y "$@"
}

is_installed() {
  [[ $(dpkg-query -W -f='${Status}' "$1" 2>/dev/null) == "install ok installed" ]]
}

node_major() {
  command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' || echo 0
}

missing=()
for package in "${DEBIAN_PACKAGES[@]}"; do
  is_installed "$package" || missing+=("$package")
done
if ((${#missing[@]} > 0)); then
  apt_install "${missing[@]}"
else
  echo "Debian packages: all present (${DEBIAN_PACKAGES[*]})"
fi

if (($(node_major) < REQUIRED_NODE_MAJOR)); then
  if ! command -v npm >/dev/null 2>&1; then
    apt_install nodejs npm
  fi
  echo "Installing Node ${REQUIRED_NODE_MAJOR} and npm 11 into /usr/local from the npm registry"
  npm install -g --prefix /usr/local "node@${REQUIRED_NODE_MAJOR}" npm@11
  hash -r
  if (($(node_major) < REQUIRED_NODE_MAJOR)); then
    echo "Node ${REQUIRED_NODE_MAJOR} was installed in /usr/local/bin, but '$(command -v node)' comes first on PATH." >&2
    exit 1
  fi
else
  echo "Node: $(node --version) (>= ${REQUIRED_NODE_MAJOR}, kept)"
fi

# Native modules (better-sqlite3, keytar) build against the headers npm's `nodedir` names. Some images point it at
# the system Node's headers; when those are not the running Node's, point npm at the headers shipped with it.
node_headers_match() {
  local header="$1/include/node/node_version.h"
  [[ -f $header ]] && [[ $(awk '/define NODE_MAJOR_VERSION/ {print $3}' "$header") == "$(node_major)" ]]
}
configured_nodedir=$(npm config get nodedir 2>/dev/null || true)
if [[ -n $configured_nodedir && $configured_nodedir != undefined && $configured_nodedir != null ]] && ! node_headers_match "$configured_nodedir"; then
  node_root=$(node -p 'require("node:path").resolve(process.execPath, "../..")')
  headers=""
  for candidate in "$node_root" "$node_root"/node_modules/node-linux-*; do
    if node_headers_match "$candidate"; then headers=$candidate; break; fi
  done
  if [[ -n $headers ]]; then
    echo "npm nodedir: $configured_nodedir does not hold Node $(node_major)'s headers; using $headers"
    # npm 11 refuses `npm config set nodedir`, yet still hands a nodedir line in npmrc to node-gyp.
    user_npmrc="${HOME}/.npmrc"
    touch "$user_npmrc"
    sed -i '/^nodedir=/d' "$user_npmrc"
    echo "nodedir=$headers" >> "$user_npmrc"
  else
    echo "npm nodedir: $configured_nodedir does not match Node $(node_major) and no matching headers were found" >&2
    exit 1
  fi
fi

echo "Machine ready: node $(node --version), npm $(npm --version), $(chromium --version 2>/dev/null || echo 'chromium not found')"
