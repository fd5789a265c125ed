#!/usr/bin/env node
/*
 * `dibao` for a global or linked install (npm install -g / npm link). Runs the compiled command
 * line (dist/cli.js) when a build made one; otherwise compiles the TypeScript sources on the fly
 * with tsx (a devDependency: present in a cloned checkout after `npm ci`).
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');

function loadCli() {
  const built = path.join(__dirname, '..', 'dist', 'cli.js');
  if (fs.existsSync(built)) return require(built);
  try {
    require('tsx/cjs');
  } catch {
    process.stderr.write(
      '无法启动：缺少 tsx，请在项目目录运行 npm ci（Cannot start: tsx is missing; run npm ci in the project folder）\n',
    );
    process.exit(2);
  }
  return require(path.join(__dirname, '..', 'src', 'cli', 'main.ts'));
}

const cli = loadCli();
cli.installInterruptHandlers();
cli.main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
