/** The real process, as other tools run it: exit codes and streams through `npm run -s dibao --` and bin/dibao.js. */
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir, writeSampleFiles } from './helpers';

const root = join(__dirname, '..', '..');
const spawn = (cmd: string, args: string[]) =>
  spawnSync(cmd, args, { cwd: root, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' } });

let dir: string;
let roster: string;
let policy: string;
beforeAll(async () => {
  dir = tempDir();
  ({ roster, policy } = await writeSampleFiles(dir));
});

describe('the dibao process', () => {
  it('npm run -s dibao -- check …: exit 1 with the summary on stdout and nothing on stderr', () => {
    const res = spawn('npm', ['run', '-s', 'dibao', '--', 'check', roster, '--policy', policy, '--no-out']);
    expect(res.stderr).toBe('');
    expect(res.status).toBe(1);
    expect(res.stdout).toContain('核查完成（checked）');
  });

  it('bin/dibao.js: a bad policy key gives exit 2 and exactly one line on stderr', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ asof: '2018-01-15' }));
    const res = spawn(process.execPath, [join(root, 'bin', 'dibao.js'), 'check', roster, '--policy', bad]);
    expect(res.status).toBe(2);
    expect(res.stdout).toBe('');
    expect(res.stderr).toMatch(/^无法核查：[^\n]*asof[^\n]*（Not checked: [^\n]*）\n$/);
  });
});
