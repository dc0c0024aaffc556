#!/bin/sh
# Refresh the JavaScript the explorer page inlines (src/isis_kg/report/static/) from the npm registry.
#
# package.json pins each library's version and package-lock.json its integrity hash (SHA-512 of the
# registry's tarball), which `npm ci` checks. The built file and its licence are then copied beside
# the explorer's own code and their SHA-256 written to SHA256SUMS, which tests/test_report.py checks
# against the committed files and the lock's version; neither the build nor the tests need a network.
#
#   tools/vendor/vendor.sh        (after changing the version in package.json: npm install --ignore-scripts first)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
static="$here/../../src/isis_kg/report/static"
cd "$here"
npm ci --ignore-scripts --no-audit --no-fund --silent
version=$(node -p "require('./node_modules/cytoscape/package.json').version")
cp node_modules/cytoscape/dist/cytoscape.min.js "$static/cytoscape.min.js"
cp node_modules/cytoscape/LICENSE "$static/cytoscape.LICENSE"
cd "$static"
{
  echo "# cytoscape $version from the npm registry (tools/vendor/package-lock.json)"
  sha256sum cytoscape.min.js cytoscape.LICENSE
} > SHA256SUMS
rm -rf "$here/node_modules"
echo "Vendored cytoscape $version into $static."
