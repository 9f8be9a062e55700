#!/usr/bin/env bash
# install.sh - installs the four pyodide packages of package-lock.json (npm ci), unless every one
# is already there in the locked version. Used by .ci/run and by the Maven build before the tests.
set -euo pipefail
cd "$(dirname "$0")"
installed() {
    node -e '
      const lock = require("./package-lock.json").packages;
      for (const [path, entry] of Object.entries(lock)) {
        if (!path.startsWith("node_modules/pyodide-")) continue;
        let have;
        try { have = require("./" + path + "/package.json").version; } catch (e) { process.exit(1); }
        if (have !== entry.version) process.exit(1);
      }' 2>/dev/null
}
if installed; then exit 0; fi
npm ci --no-audit --no-fund --loglevel=error
