/**
 * What the page must agree with: the command line's report on the same file (run as a clerk
 * would run it), and the engine's full result on the same bytes for the details a report does
 * not carry (household indices, the cells to mark).
 */
import { execFileSync } from 'node:child_process';
import type { Page } from 'playwright-core';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parsePolicy } from '../../../src/domain/policy';
import type { CheckResult } from '../../../src/domain/types';
import { runCheck } from '../../../src/workbook/actions';
import { FileWorkbook } from '../../../src/workbook/file/file';
import type { Report } from '../../../src/workbook/output/report';

const ROOT = path.resolve(__dirname, '../../..');

/** The settings the browser test types into 核查参数 (县 left blank: the policy's default). */
export const PANE_POLICY = { township: '儒林镇', annualStandard: 3026, asOf: '2018-01-15' };

/** Types PANE_POLICY into 核查参数 once the page is ready for a file, and closes the form again. */
export async function typePanePolicy(page: Page): Promise<void> {
  await page.locator('input[type="file"]').waitFor({ state: 'attached', timeout: 15_000 });
  await page.getByRole('button', { name: /核查参数/ }).click();
  await page.getByLabel('乡镇', { exact: true }).fill(PANE_POLICY.township);
  await page.getByLabel('低保标准', { exact: true }).fill(String(PANE_POLICY.annualStandard));
  await page.getByLabel('基准日', { exact: true }).fill(PANE_POLICY.asOf);
  await page.getByRole('button', { name: /核查参数/ }).click();
}

export function commandLineReport(file: string, dir: string): Report {
  const policyFile = path.join(dir, 'policy.json');
  const reportFile = path.join(dir, 'report.json');
  fs.writeFileSync(policyFile, JSON.stringify(PANE_POLICY));
  try {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/tsx/dist/cli.mjs'),
        'src/cli/main.ts',
        'check',
        file,
        '--policy',
        policyFile,
        '--no-out',
        '--report',
        reportFile,
      ],
      { cwd: ROOT, stdio: 'pipe' },
    );
  } catch (e) {
    // Exit code 1 means "checked, errors found": the normal case for the sample.
    if ((e as { status?: number }).status !== 1) throw e;
  }
  return JSON.parse(fs.readFileSync(reportFile, 'utf8')) as Report;
}

export async function engineResult(file: string): Promise<CheckResult> {
  const host = await FileWorkbook.load(fs.readFileSync(file));
  return (await runCheck(host, parsePolicy(PANE_POLICY))).result;
}
