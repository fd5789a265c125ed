/**
 * The stage every browser test sets up: a built folder served on localhost, one Chromium, and a
 * scratch folder removed afterwards. Registers its own beforeAll/afterAll; the fields are filled
 * once beforeAll has run.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { launch } from './browser';
import { serve, type StaticServer } from './server';

export interface Stage {
  server: StaticServer;
  browser: Browser;
  /** Scratch folder for the test's files. */
  tmp: string;
}

/**
 * @param dir   the built folder to serve
 * @param entry a file in it that must exist (else: which build to run first)
 * @param build the npm script that makes it
 */
export function useStage(dir: string, entry: string, build: string): Stage {
  const stage = {} as Stage;
  beforeAll(async () => {
    if (!fs.existsSync(path.join(dir, entry)))
      throw new Error(`${path.relative(process.cwd(), dir)}/ is missing: run \`npm run ${build}\` first`);
    stage.tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dibao-e2e-'));
    stage.server = await serve(dir);
    stage.browser = await launch();
  });
  afterAll(async () => {
    await stage.browser?.close();
    await stage.server?.close();
    if (stage.tmp) fs.rmSync(stage.tmp, { recursive: true, force: true });
  });
  return stage;
}
