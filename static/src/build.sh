#!/usr/bin/env bash
# Rebuild the committed GOV.UK Frontend assets in static/govuk/.
# Needs Node >= 20.19 (dart-sass requirement); running the site does not.
set -euo pipefail

SRC_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
OUT_DIR="$(cd "$SRC_DIR/.." && pwd)/govuk"
DIST="$SRC_DIR/node_modules/govuk-frontend/dist/govuk"

cd "$SRC_DIR"
npm ci --no-audit --no-fund

rm -rf "$OUT_DIR"
mkdir -p "$OUT_DIR"

npx --no-install sass --pkg-importer=node --style=compressed --no-source-map \
  app.scss "$OUT_DIR/govuk-frontend.min.css"

cp "$DIST/govuk-frontend.min.js" "$OUT_DIR/govuk-frontend.min.js"

# Assets without fonts/ (we use Arial, not GDS Transport).
mkdir -p "$OUT_DIR/assets"
cp -R "$DIST/assets/images" "$OUT_DIR/assets/images"
if [[ -f "$DIST/assets/manifest.json" ]]; then
  cp "$DIST/assets/manifest.json" "$OUT_DIR/assets/manifest.json"
fi

echo "Built GOV.UK Frontend $(node -p "require('govuk-frontend/package.json').version") into $OUT_DIR"
