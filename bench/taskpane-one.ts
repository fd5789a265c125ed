/**
 * Section 4's measurement: the built page (dist/) in headless Chromium, a roster with over 10,000
 * findings opened through its file input, and the time from the result (the 'dibao:result' mark)
 * to the first paint of the findings list ('dibao:list-painted'), as the browser test takes it
 * (test/e2e/bigList.e2e.ts). `node taskpane-one.js DIST RUNS` prints one JSON line.
 */
import ExcelJS from 'exceljs';
import { launch, openPage } from '../test/e2e/support/browser';
import { serve } from '../test/e2e/support/server';

/** About 7.9 findings a household: just over 10,000 findings. */
const HOUSEHOLDS = 1300;

/** Every household lacks all its paperwork and has a wrong benefit: several findings a row. */
async function manyFindingsRoster(households: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('花名册');
  const header = ['序号', '村', '户主姓名', '身份证号码', '家庭人口', '保障人数', '家庭月人均收入', '月保障金'];
  const papers = ['入户调查表', '授权委托书', '身份证复印件', '家庭经济状况申报表', '民主评议', '公示'];
  ws.addRow([...header, ...papers]);
  for (let i = 0; i < households; i++) {
    const id = `43052919600101${String(i % 10000).padStart(4, '0')}`;
    ws.addRow([i + 1, `第${(i % 20) + 1}村`, `户主${i}`, id, 2, 2, 100, 1, ...papers.map(() => '')]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function main(): Promise<void> {
  const [dist, runsArg] = process.argv.slice(2);
  const runs = Number(runsArg ?? 3);
  const roster = await manyFindingsRoster(HOUSEHOLDS);
  const server = await serve(dist);
  const browser = await launch();
  const times: number[] = [];
  let findings = 0;
  try {
    for (let i = 0; i < runs; i++) {
      const g = await openPage(browser, server.url + 'index.html', { width: 420, height: 900 });
      try {
        const { page } = g;
        await page.locator('input[type="file"]').setInputFiles({
          name: 'big.xlsx',
          mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          buffer: roster,
        });
        await page.locator('[data-testid="error-count"]').waitFor({ timeout: 180_000 });
        await page.waitForFunction(() => performance.getEntriesByName('dibao:list-painted').length > 0);
        findings = await page.evaluate(() =>
          Number((/\/ ([\d,]+) 条/.exec(document.body.innerText)?.[1] ?? '0').replace(/,/g, '')),
        );
        times.push(
          await page.evaluate(() => performance.measure('bench', 'dibao:result', 'dibao:list-painted').duration),
        );
      } finally {
        await g.context.close();
      }
    }
  } finally {
    await browser.close();
    await server.close();
  }
  process.stdout.write(JSON.stringify({ findings, times: times.map((t) => Math.round(t)) }) + '\n');
}

main().catch((e: unknown) => {
  process.stderr.write(String((e as Error)?.stack ?? e) + '\n');
  process.exitCode = 1;
});
