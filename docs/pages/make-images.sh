#!/usr/bin/env bash
# The demo notice's first and last pages as PNG, for the README: export notice-docx, convert with
# LibreOffice, cut the pages with pdftoppm. Fonts: the stand-ins in fonts.conf beside this script
# (fonts-arphic-uming/ukai, fonts-noto-cjk), so that the pages look like a 仿宋 page and not a 黑体 one.
#   bash docs/pages/make-images.sh        (from the repository root, with planwright installed)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
planwright export templates/demo.toml --format notice-docx -o "$work/demo.docx" --force
FONTCONFIG_FILE="$here/fonts.conf" soffice "-env:UserInstallation=file://$work/profile" --headless \
  --convert-to pdf --outdir "$work" "$work/demo.docx" >/dev/null
last="$(pdfinfo "$work/demo.pdf" | awk '/^Pages:/ {print $2}')"
pdftoppm -r 60 -png -f 1 -l 1 -singlefile "$work/demo.pdf" "$here/demo-first"
pdftoppm -r 60 -png -f "$last" -l "$last" -singlefile "$work/demo.pdf" "$here/demo-last"
echo "docs/pages/demo-first.png, docs/pages/demo-last.png (page $last)"
