#!/usr/bin/env bash
# Builds the page assets from GOV.UK Frontend: Sass with the unbranded settings, the
# component JavaScript, and axe-core for the accessibility tests.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p static/dist
npx --no-install sass --quiet --no-source-map --load-path=node_modules \
    --style=compressed assets/scss/main.scss static/dist/main.css
cp node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js static/dist/govuk-frontend.min.js
cp assets/js/*.js static/dist/
cp node_modules/axe-core/axe.min.js static/dist/axe.min.js
echo "Built static/dist"
