/**
 * Logs and error messages never print ID numbers or names. An error the command line did not
 * foresee often quotes the data it choked on (JSON.parse quotes its input, ExcelJS quotes
 * addresses and values): such a message must not reach the terminal as it is.
 */
import { describe as describeError, fileRefusalLine, refusalLine } from '../../src/cli/errors';

const NAME = '杨秀英';
const ID = '430529198001011237';

/** What Node 20's JSON.parse says about a damaged text that held a clerk's note. */
function parseError(): unknown {
  try {
    JSON.parse(`{"texts": ${NAME} ${ID}`);
  } catch (e) {
    return e;
  }
  throw new Error('JSON.parse accepted damaged text');
}

describe('an unforeseen error is shown without the data it quotes', () => {
  test('the premise: the runtime error message itself quotes the data', () => {
    expect(String((parseError() as Error).message)).toContain(NAME);
  });

  test.each([
    ['check', refusalLine('check', parseError())],
    ['clear', refusalLine('clear', parseError())],
    ['folder', fileRefusalLine('儒林镇.xlsx', parseError())],
  ])('%s: one bilingual line, no name, no ID number', (_verb, line) => {
    expect(line).not.toContain(NAME);
    expect(line).not.toMatch(/\d{15,}/);
    expect(line.trimEnd().split('\n')).toHaveLength(1);
    expect(line).toMatch(/意外错误/);
    expect(line).toMatch(/unexpected error/);
    expect(line).not.toMatch(/SyntaxError|Error\b/);
  });

  test('an error without a message, or a thrown string, is described too', () => {
    expect(describeError(undefined).zh).toMatch(/意外错误/);
    expect(JSON.stringify(describeError(`${NAME} ${ID}`))).not.toMatch(new RegExp(`${NAME}|${ID}`));
  });
});
