#!/usr/bin/env bash
# Rebuild every raster icon (and the receipt logo) from its SVG source.
# Needs (Debian): librsvg2-bin imagemagick icnsutils fonts-dejavu-core
# Run from anywhere:  bash assets/icons/build-icons.sh
# Set CONVERT if `convert` on PATH is not ImageMagick 6 (e.g. CONVERT=/usr/bin/convert,
# or CONVERT="magick" with ImageMagick 7).
set -euo pipefail

CONVERT=${CONVERT:-convert}
here=$(cd "$(dirname "$0")" && pwd)
icons=$here
receipt=$here/../receipt
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# 1. PNGs rendered straight from the vector source at each size.
rsvg-convert -w 256 -h 256 "$icons/omnitill.svg" -o "$icons/omnitill.png"
rsvg-convert -w 512 -h 512 "$icons/omnitill.svg" -o "$icons/omnitill-512.png"
for s in 16 24 32 48 64 128 256 512; do
  rsvg-convert -w "$s" -h "$s" "$icons/omnitill.svg" -o "$tmp/icon-$s.png"
done

# 2. Windows .ico with 16..256 (each size rendered from the SVG, not downscaled).
$CONVERT "$tmp/icon-16.png" "$tmp/icon-24.png" "$tmp/icon-32.png" "$tmp/icon-48.png" \
         "$tmp/icon-64.png" "$tmp/icon-128.png" "$tmp/icon-256.png" "$icons/omnitill.ico"

# 3. macOS .icns with 16, 32, 48, 128, 256, 512.
png2icns "$icons/omnitill.icns" "$tmp/icon-16.png" "$tmp/icon-32.png" "$tmp/icon-48.png" \
         "$tmp/icon-128.png" "$tmp/icon-256.png" "$tmp/icon-512.png" >/dev/null

# 4. Receipt logo: render on white, then threshold to pure 1-bit black/white.
rsvg-convert -w 384 -h 96 -b white "$receipt/logo.svg" -o "$tmp/logo-gray.png"
$CONVERT "$tmp/logo-gray.png" -colorspace Gray -threshold 50% -type bilevel -strip \
         "$receipt/logo.png"

echo "icons rebuilt in $icons and $receipt"
