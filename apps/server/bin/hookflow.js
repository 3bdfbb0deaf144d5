#!/usr/bin/env node
// The `hookflow` command (npm bin of @hookflow/server, and on PATH in the Docker image). It runs
// the built CLI; the source is apps/server/src/cli.
'use strict';
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const cli = join(__dirname, '..', 'dist', 'cli', 'hookflow.js');
if (!existsSync(cli)) {
  process.stderr.write('hookflow: the server is not built yet; run `npm run build` in the repository first.\n');
  process.exit(1);
}
require(cli).runFromProcess();
