#!/usr/bin/env bash
# System packages the tests need, from Debian: Chromium for the browser tests
# (never `playwright install`), poppler-utils to read and render report PDFs,
# DejaVu fonts for Vietnamese PDFs. Installs only what is missing.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v pdftotext >/dev/null 2>&1 && command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf ] || missing+=(fonts-dejavu-core)
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSerif-Italic.ttf ] || missing+=(fonts-dejavu-extra)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
echo "==> Cài từ Debian: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq "${missing[@]}" >/dev/null
