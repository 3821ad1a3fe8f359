#!/usr/bin/env bash
# Draws the bundled courses' pictures: each <course>--<name>.svg here becomes content/courses/<course>/media/<name>.png.
# Packages carry PNG, not SVG (an SVG can carry script), so the drawings are kept here as their source and rendered with
# Debian's Chromium, then made small for slow networks with pngquant (apt-get install pngquant).
# Run it after changing a drawing (name the drawings to render only those), and raise the course's version so that sites
# install the new pictures.
set -euo pipefail
cd "$(dirname "$0")"
drawings=("$@")
[[ ${#drawings[@]} -gt 0 ]] || drawings=(*--*.svg)
for svg in "${drawings[@]}"; do
  name="${svg%.svg}"
  png="../courses/${name%%--*}/media/${name#*--}.png"
  mkdir -p "$(dirname "$png")"
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=800,450 \
    --screenshot="$png" "file://$PWD/$svg" 2>/dev/null
  pngquant --force --skip-if-larger --strip --quality=70-95 --output "$png" -- "$png"
  echo "$png: $(stat -c %s "$png") bytes"
done
