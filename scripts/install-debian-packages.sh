#!/usr/bin/env bash
# The Debian packages that development and the tests need beside npm's: Chromium for the
# end-to-end tests and the benchmark; eSpeak NG for reading slides aloud, and sox to check the
# speech; git (with its http-backend), openssl and ssh-keygen for content from a repository, whose
# tests serve one on 127.0.0.1 and sign commits; desktop-file-utils and nsis, whose validator
# and compiler check the installers' "Clinic Kiosk Preview" shortcut. Installs only what is
# missing. Run as root (or with sudo) on Debian or Ubuntu.
set -euo pipefail

packages=(chromium espeak-ng sox git openssl openssh-client desktop-file-utils nsis)
missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done

if [ "${#missing[@]}" -eq 0 ]; then
  echo "Debian packages: all present (${packages[*]})."
  exit 0
fi
echo "Installing Debian packages: ${missing[*]}"
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
