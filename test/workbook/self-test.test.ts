/**
 * 自检 over the WPS host and the WPS double: every capability passes on a faithful host, nothing
 * of the clerk's is touched and nothing of the test is left; a workbook with marks is refused; a
 * host that fails a step is reported as failing that step.
 */
import { describe, expect, it } from '@jest/globals';
import { runSelfTest, SelfTestRefused, type SelfTestHost } from '../../src/workbook/self-test';
import { WpsHost } from '../../src/workbook/wps/wps';
import { OfficeSelfTestHost } from '../../src/workbook/office/self-test-office';
import { ExcelDouble } from '../support/excel-double';
import { CONTRACT_SPEC, MARKS } from '../support/host-contract';
import { WpsDouble } from '../support/wps-double';
import { etOf } from '../support/wps-under-test';

const fresh = () => new WpsDouble(ExcelDouble.fromSpec(CONTRACT_SPEC).book);

describe('self-test (自检)', () => {
  it('passes every capability in a faithful host and leaves the workbook as it was', async () => {
    const double = fresh();
    const saved = double.book.save();
    const report = await runSelfTest(new WpsHost(etOf(double)));
    expect(report.capabilities.filter((c) => !c.ok)).toEqual([]);
    expect(report.capabilities.map((c) => c.id)).toEqual([
      'write',
      'read',
      'check',
      'mark',
      'notes',
      'clear',
      'unchanged',
      'generate',
      'cleanup',
    ]);
    expect(report).toMatchObject({ ok: true, host: 'WPS 表格', version: '12.1.0 (17900)' });
    expect(double.book.save()).toBe(saved);
  });

  it('passes every capability in Excel too (the Office host over the Excel double)', async () => {
    const excel = ExcelDouble.fromSpec(CONTRACT_SPEC, '1.18');
    const saved = excel.book.save();
    const host = new OfficeSelfTestHost({
      run: excel.run,
      isSetSupported: excel.isSetSupported,
      diagnostics: { platform: 'PC', version: '16.0.17928' },
    });
    const report = await runSelfTest(host);
    expect(report.capabilities.filter((c) => !c.ok)).toEqual([]);
    expect(report).toMatchObject({ ok: true, host: 'Excel (PC)', version: '16.0.17928' });
    expect(excel.book.save()).toBe(saved);
  });

  it('refuses while the workbook carries marks (marking would clear them)', async () => {
    const double = fresh();
    const host = new WpsHost(etOf(double));
    await host.mark(MARKS);
    await expect(runSelfTest(host)).rejects.toBeInstanceOf(SelfTestRefused);
  });

  it('reports the step a host gets wrong', async () => {
    const host: SelfTestHost = new WpsHost(etOf(fresh()));
    const inspect = host.inspectCell.bind(host);
    host.inspectCell = async (...args) => ({ ...(await inspect(...args)), note: undefined });
    const report = await runSelfTest(host);
    expect(report.ok).toBe(false);
    expect(report.capabilities.filter((c) => !c.ok).map((c) => c.id)).toEqual(['notes']);
  });
});
