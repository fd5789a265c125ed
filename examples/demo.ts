/**
 * `npm run demo`: make the sample roster, check it, write the marked workbook and the report
 * under examples/out/. The sample has planted errors, so the check's exit code 1 is the expected
 * outcome here; only a refusal (2) fails the demo.
 */
import * as path from 'node:path';
import { main } from '../src/cli/main';
import { SAMPLE_FILE, writeSample } from './make-sample';

const here = (...p: string[]) => path.relative(process.cwd(), path.join(__dirname, ...p));

async function demo(): Promise<number> {
  await writeSample();
  const code = await main([
    'check',
    here(path.basename(SAMPLE_FILE)),
    '--policy',
    here('儒林镇.policy.json'),
    '--out',
    here('out', '儒林镇.checked.xlsx'),
    '--report',
    here('out', '儒林镇.report.json'),
    '--force',
  ]);
  return code === 2 ? 2 : 0;
}

demo().then((code) => {
  process.exitCode = code;
});
