#!/usr/bin/env bash
# Renders the Waiver icon set from icons/waiver.svg:
#   icons/png/waiver-N.png (16 … 1024)   Linux packages (.desktop icon) and the docs
#   icons/waiver.ico                      Windows installer and launcher (16 … 256, 256 stored as PNG)
#   icons/waiver.icns                     macOS app bundle and .dmg
#   src/main/resources/dev/waiver/app/ui/icon-N.png   the window's stage icons (16 … 256)
# The outputs are committed, so a build never needs these tools; run this only after changing the SVG.
#
# Needs (Debian/Ubuntu): apt-get install -y librsvg2-bin icoutils icnsutils
#   rsvg-convert (librsvg2-bin)  SVG -> PNG at each size, crisp and deterministic
#   icotool      (icoutils)      PNGs -> .ico
#   png2icns     (icnsutils)     PNGs -> .icns (so macOS builds need no iconutil run on a Mac)
# It installs nothing itself.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
SVG="$ROOT/icons/waiver.svg"
PNG_DIR="$ROOT/icons/png"
STAGE_DIR="$ROOT/src/main/resources/dev/waiver/app/ui"

missing=()
for tool in rsvg-convert icotool png2icns; do
  command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
done
if [ "${#missing[@]}" -gt 0 ]; then
  echo "icons/build.sh: missing ${missing[*]}; install with: apt-get install -y librsvg2-bin icoutils icnsutils" >&2
  exit 1
fi

mkdir -p "$PNG_DIR" "$STAGE_DIR"
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert --width "$size" --height "$size" --keep-aspect-ratio "$SVG" --output "$PNG_DIR/waiver-$size.png"
done

# Windows: the classic sizes as bitmaps, 256 as an embedded PNG (-r) as Vista+ expects, which keeps the file small.
icotool --create --output "$ROOT/icons/waiver.ico" \
  "$PNG_DIR"/waiver-{16,24,32,48,64,128}.png --raw="$PNG_DIR/waiver-256.png"

# macOS: png2icns picks the icns slot from each PNG's size (16, 32, 48, 128, 256, 512, 1024).
png2icns "$ROOT/icons/waiver.icns" "$PNG_DIR"/waiver-{16,32,48,128,256,512,1024}.png >/dev/null

# Stage icons: JavaFX picks the best match from Stage.getIcons() for title bar, task bar and Alt-Tab.
for size in 16 32 48 64 128 256; do
  cp "$PNG_DIR/waiver-$size.png" "$STAGE_DIR/icon-$size.png"
done

echo "icons: wrote $(ls "$PNG_DIR" | wc -l) PNGs, waiver.ico, waiver.icns and 6 stage icons"
