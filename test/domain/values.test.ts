import fc from 'fast-check';
import type { Cell } from '../../src/domain/grid';
import {
  addMonths,
  assetClaimed,
  cellString,
  docPresent,
  isoToday,
  isYes,
  parseCount,
  parseDate,
  parseMoney,
  parseStatus,
  parseYesNo,
  toHalfWidth,
} from '../../src/domain/values';

const text = (v: string): Cell => ({ v, t: 'string' });
const num = (v: number): Cell => ({ v, t: 'number' });
const bool = (v: boolean): Cell => ({ v, t: 'boolean' });
const utcDate = (y: number, m: number, d: number): Cell => ({ v: new Date(Date.UTC(y, m - 1, d)), t: 'date' });

/** ASCII → full-width, as a Chinese input method in full-width mode types it. */
const fullWidth = (s: string): string =>
  s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');

describe('toHalfWidth', () => {
  test.each([
    ['１２３', '123'],
    ['ＡＢＣａｂｃ', 'ABCabc'],
    ['１，２３４．５元', '1,234.5元'],
    ['（备注）', '(备注)'],
    ['\u3000是\u3000', ' 是 '],
    ['已签字', '已签字'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(toHalfWidth(input)).toBe(expected);
  });

  test('full-width digits become the same ASCII digits', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'0123456789'.split('')) }), (digits) => {
        expect(toHalfWidth(fullWidth(digits))).toBe(digits);
      }),
    );
  });

  test('leaves text without full-width characters unchanged and is idempotent', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const once = toHalfWidth(s);
        expect(toHalfWidth(once)).toBe(once);
      }),
    );
    fc.assert(fc.property(fc.string({ unit: 'grapheme-ascii' }), (s) => expect(toHalfWidth(s)).toBe(s)));
  });
});

describe('cellString', () => {
  test.each<[string, Cell | undefined, string]>([
    ['empty', undefined, ''],
    ['text trimmed', text('  张三 '), '张三'],
    ['full-width text', text('\u3000３人\u3000'), '3人'],
    ['integer', num(3), '3'],
    ['decimal', num(252.17), '252.17'],
    ['big integer without exponent', num(2 ** 53), '9007199254740992'],
    ['18-digit number', num(430529198511074500), '430529198511074500'],
    ['date cell', utcDate(2017, 12, 1), '2017-12-01'],
    ['boolean', bool(true), 'TRUE'],
    ['error', { v: '#N/A', t: 'error' }, '#N/A'],
  ])('%s', (_label, cell, expected) => {
    expect(cellString(cell)).toBe(expected);
  });
});

describe('parseYesNo', () => {
  const yes = ['是', '有', '√', '✓', '✔', 'Y', 'y', '1', '已', '已签', '已签字', '齐全', '通过'];
  const yesExtra = [
    'yes',
    'YES',
    'True',
    'TRUE',
    '已提供',
    '有签字',
    'Ｙ',
    '１',
    ' 是 ',
    '\u3000已 签 字',
    '已备案',
    '已复核',
  ];
  const no = ['否', '无', '×', '✗', 'N', 'n', '0', '未', '未签', '缺', '缺失'];
  const noExtra = ['no', 'No', 'false', 'FALSE', '未签字', '没有', '未通过', '不通过', '无签字', 'Ｎ', '０', ' 否 '];
  const noPhrases = ['未入户', '无车辆', '缺少签字', '没签'];

  test.each([...yes, ...yesExtra])('%j is yes', (word) => {
    expect(parseYesNo(text(word))).toBe('yes');
    expect(isYes(text(word))).toBe(true);
  });

  test.each([...no, ...noExtra, ...noPhrases])('%j is no', (word) => {
    expect(parseYesNo(text(word))).toBe('no');
    expect(isYes(text(word))).toBe(false);
  });

  test.each<[string, Cell | undefined]>([
    ['no cell', undefined],
    ['empty text', text('')],
    ['spaces', text('  \u3000')],
    ['slash placeholder', text('/')],
    ['dash placeholder', text('——')],
  ])('blank: %s', (_label, cell) => {
    expect(parseYesNo(cell)).toBe('blank');
  });

  test.each<[string, Cell, string]>([
    ['boolean true', bool(true), 'yes'],
    ['boolean false', bool(false), 'no'],
    ['number 1', num(1), 'yes'],
    ['number 0', num(0), 'no'],
    ['number 2', num(2), 'other'],
    ['date cell', utcDate(2017, 12, 1), 'other'],
    ['free text', text('见附件'), 'other'],
    ['已 with a negative', text('已未签'), 'other'],
    ['X is not a cross', text('X'), 'other'],
  ])('%s', (_label, cell, expected) => {
    expect(parseYesNo(cell)).toBe(expected);
  });
});

describe('docPresent', () => {
  test.each<[string, Cell | undefined, boolean]>([
    ['blank means missing', undefined, false],
    ['empty text means missing', text(' '), false],
    ['placeholder means missing', text('/'), false],
    ['no word', text('否'), false],
    ['未签字', text('未签字'), false],
    ['yes word', text('√'), true],
    ['有签字', text('有签字'), true],
    ['a date written in', text('2017.12.5'), true],
    ['a date cell', utcDate(2017, 12, 5), true],
    ['other text', text('见档案第3页'), true],
    ['other text with 未', text('户主签字，配偶未签'), false],
    ['other text with 不', text('签字不全'), false],
    ['other text with 没', text('本人签，家属没签'), false],
    ['other text with 缺', text('材料缺一页'), false],
    ['number of copies', num(3), true],
    ['number 0', num(0), false],
  ])('%s', (_label, cell, expected) => {
    expect(docPresent(cell)).toBe(expected);
  });
});

describe('assetClaimed', () => {
  test.each<[string, Cell | undefined, boolean]>([
    ['blank', undefined, false],
    ['no word', text('无'), false],
    ['否', text('否'), false],
    ['placeholder', text('/'), false],
    ['phrase starting with 无', text('无车辆'), false],
    ['没有', text('没有'), false],
    ['yes word', text('有'), true],
    ['free description of a car', text('小轿车一辆'), true],
    ['town housing', text('县城商品房'), true],
    ['a count', num(2), true],
    ['number 0', num(0), false],
    ['boolean true', bool(true), true],
  ])('%s', (_label, cell, expected) => {
    expect(assetClaimed(cell)).toBe(expected);
  });
});

describe('parseDate', () => {
  test.each<[string, Cell, string]>([
    ['serial 1', num(1), '1900-01-01'],
    ['serial 59', num(59), '1900-02-28'],
    ['serial 61 after the fake leap day', num(61), '1900-03-01'],
    ['serial 43100', num(43100), '2017-12-31'],
    ['serial with time of day', num(43100.75), '2017-12-31'],
    ['largest serial', num(2958465), '9999-12-31'],
    ['yyyymmdd number', num(20171201), '2017-12-01'],
    ['date cell', utcDate(2017, 12, 1), '2017-12-01'],
    ['date cell, leap day', utcDate(2016, 2, 29), '2016-02-29'],
    ['dashes', text('2017-12-01'), '2017-12-01'],
    ['slashes, short', text('2017/12/1'), '2017-12-01'],
    ['dots', text('2017.12.1'), '2017-12-01'],
    ['Chinese', text('2017年12月1日'), '2017-12-01'],
    ['Chinese without 日', text('2017年12月1'), '2017-12-01'],
    ['Chinese with 号', text('2017年12月1号'), '2017-12-01'],
    ['Chinese with spaces', text('2017 年 12 月 1 日'), '2017-12-01'],
    ['eight digits', text('20171201'), '2017-12-01'],
    ['full-width digits', text('２０１７年１２月１日'), '2017-12-01'],
    ['full-width dashes', text('２０１７－１２－０１'), '2017-12-01'],
    ['surrounding spaces', text('  2017-12-01\u3000'), '2017-12-01'],
    ['with a time', text('2017-12-01 00:00:00'), '2017-12-01'],
  ])('%s', (_label, cell, iso) => {
    expect(parseDate(cell)).toEqual({ ok: true, iso });
  });

  test.each<[string, Cell, string]>([
    ['serial 60 is the fictitious 1900-02-29', num(60), '60'],
    ['serial 0', num(0), '0'],
    ['negative serial', num(-5), '-5'],
    ['serial beyond 9999-12-31', num(2958466), '2958466'],
    ['yyyymmdd number that is not a date', num(20171301), '20171301'],
    ['30 February', text('2017-02-30'), '2017-02-30'],
    ['29 February of a common year', text('2017年2月29日'), '2017年2月29日'],
    ['month 13', text('20171301'), '20171301'],
    ['mixed separators', text('2017-12/01'), '2017-12/01'],
    ['no day', text('2017-12'), '2017-12'],
    ['two-digit year', text('17-12-01'), '17-12-01'],
    ['words', text('去年十二月'), '去年十二月'],
    ['trailing words', text('2017-12-01前'), '2017-12-01前'],
    ['serial typed as text', text('43100'), '43100'],
    ['year before 1900', text('1899-12-31'), '1899-12-31'],
    ['boolean', bool(true), 'TRUE'],
  ])('invalid: %s', (_label, cell, raw) => {
    expect(parseDate(cell)).toEqual({ ok: false, raw });
  });

  test('an invalid Date object is not a date', () => {
    expect(parseDate({ v: new Date(NaN), t: 'date' })).toMatchObject({ ok: false });
  });

  test.each<[string, Cell | undefined]>([
    ['no cell', undefined],
    ['empty text', text('')],
    ['spaces', text('  ')],
    ['placeholder', text('/')],
  ])('blank: %s', (_label, cell) => {
    expect(parseDate(cell)).toBeUndefined();
  });

  test('every written form of a real date reads as the same day', () => {
    const day = fc.date({
      min: new Date(Date.UTC(1900, 2, 1)),
      max: new Date(Date.UTC(2099, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(day, (date) => {
        const iso = date.toISOString().slice(0, 10);
        const [y, m, d] = [date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate()];
        const mm = iso.slice(5, 7);
        const dd = iso.slice(8, 10);
        const forms = [
          iso,
          `${y}/${m}/${d}`,
          `${y}/${mm}/${dd}`,
          `${y}.${m}.${d}`,
          `${y}年${m}月${d}日`,
          `${y}${mm}${dd}`,
        ];
        const serial = Math.floor((Date.UTC(y, m - 1, d) - Date.UTC(1899, 11, 30)) / 86400000);
        const cells: Cell[] = [
          ...forms.map(text),
          ...forms.map((f) => text(` ${fullWidth(f)} `)),
          num(Number(`${y}${mm}${dd}`)),
          num(serial),
          utcDate(y, m, d),
        ];
        for (const cell of cells) expect(parseDate(cell)).toEqual({ ok: true, iso });
      }),
    );
  });
});

describe('parseMoney', () => {
  test.each<[string, Cell, number]>([
    ['number cell', num(252.17), 252.17],
    ['negative number cell', num(-30), -30],
    ['plain text', text('300'), 300],
    ['decimal', text('252.17'), 252.17],
    ['with 元', text('300元'), 300],
    ['with ¥', text('¥300'), 300],
    ['with full-width ￥', text('￥1,234.5'), 1234.5],
    ['thousands commas', text('12,345.67'), 12345.67],
    ['full-width comma', text('1，234'), 1234],
    ['full-width digits', text('３００．５０元'), 300.5],
    ['spaces inside', text(' 1 234 元 '), 1234],
    ['minus sign', text('-50'), -50],
    ['minus before ¥', text('-¥50'), -50],
    ['minus after ¥', text('¥-50'), -50],
    ['no rounding', text('0.005'), 0.005],
    ['zero', text('0'), 0],
  ])('%s', (_label, cell, expected) => {
    expect(parseMoney(cell)).toBe(expected);
  });

  test.each<[string, Cell]>([
    ['words', text('三百元')],
    ['two numbers', text('300/250')],
    ['bad grouping', text('12,34')],
    ['double sign', text('--50')],
    ['two decimal points', text('1.2.3')],
    ['unit per month', text('300元/月')],
    ['only a currency sign', text('¥')],
    ['boolean', bool(true)],
    ['date', utcDate(2017, 1, 1)],
    ['error', { v: '#VALUE!', t: 'error' }],
  ])('invalid: %s', (_label, cell) => {
    expect(parseMoney(cell)).toBe('invalid');
  });

  test.each<[string, Cell | undefined]>([
    ['no cell', undefined],
    ['spaces', text('  ')],
    ['placeholder', text('—')],
  ])('blank: %s', (_label, cell) => {
    expect(parseMoney(cell)).toBeUndefined();
  });

  test('a formatted amount reads back as the same number', () => {
    const group = (digits: string) => digits.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
    fc.assert(
      fc.property(fc.integer({ min: -99_999_999_99, max: 99_999_999_99 }), fc.nat(5), (cents, style) => {
        const plain = (Math.abs(cents) / 100).toFixed(2);
        const value = Number((cents < 0 ? '-' : '') + plain);
        const [int, frac] = plain.split('.');
        const sign = cents < 0 ? '-' : '';
        const written = [
          `${sign}${plain}`,
          `${sign}${group(int)}.${frac}`,
          `${sign}${group(int)}.${frac}元`,
          `${sign}¥${group(int)}.${frac}`,
          fullWidth(`${sign}${group(int)}.${frac}`) + '元',
          `${sign}${int.replace(/\B(?=(\d{3})+(?!\d))/g, '，')}.${frac} 元`,
        ][style];
        expect(parseMoney(text(written))).toBe(value);
      }),
    );
  });
});

describe('parseCount', () => {
  test.each<[string, Cell, number]>([
    ['text', text('3'), 3],
    ['with 人', text('3人'), 3],
    ['with 口', text('4口'), 4],
    ['with 口人', text('4口人'), 4],
    ['full-width', text('３'), 3],
    ['number cell', num(3), 3],
    ['3.0 number cell', num(3.0), 3],
    ['3.0 text', text('3.0'), 3],
    ['Chinese numeral', text('三人'), 3],
    ['两', text('两口人'), 2],
    ['十二', text('十二'), 12],
    ['zero', text('0'), 0],
    ['negative stays for HH-01 to report', num(-1), -1],
  ])('%s', (_label, cell, expected) => {
    expect(parseCount(cell)).toBe(expected);
  });

  test.each<[string, Cell]>([
    ['fraction number', num(2.5)],
    ['fraction text', text('2.5')],
    ['words', text('全家')],
    ['boolean', bool(true)],
    ['range', text('3-4')],
  ])('invalid: %s', (_label, cell) => {
    expect(parseCount(cell)).toBe('invalid');
  });

  test('blank', () => {
    expect(parseCount(undefined)).toBeUndefined();
    expect(parseCount(text(' '))).toBeUndefined();
  });
});

describe('parseStatus', () => {
  test.each([
    ['新增', 'new'],
    ['新增户', 'new'],
    [' 新 增 ', 'new'],
    ['原有', 'existing'],
    ['在保', 'existing'],
    ['续保', 'existing'],
    ['正常', 'existing'],
    ['停保', 'stopped'],
    ['已停保', 'stopped'],
    ['退保', 'stopped'],
    ['取消', 'stopped'],
    ['取消新增', 'stopped'],
  ])('%j → %s', (word, status) => {
    expect(parseStatus(text(word))).toBe(status);
  });

  test.each<[string, Cell | undefined]>([
    ['no cell', undefined],
    ['empty', text('')],
    ['unknown word', text('待定')],
    ['number', num(1)],
  ])('undefined: %s', (_label, cell) => {
    expect(parseStatus(cell)).toBeUndefined();
  });
});

describe('addMonths', () => {
  test.each([
    ['2018-08-31', 6, '2019-02-28'],
    ['2019-08-31', 6, '2020-02-29'],
    ['2017-12-01', 1, '2018-01-01'],
    ['2017-01-15', 12, '2018-01-15'],
    ['2018-03-31', -1, '2018-02-28'],
    ['2018-01-15', -12, '2017-01-15'],
    ['2018-05-20', 0, '2018-05-20'],
  ])('%s + %d → %s', (iso, months, expected) => {
    expect(addMonths(iso, months)).toBe(expected);
  });
});

describe('isoToday', () => {
  test('is the local calendar date', () => {
    jest.useFakeTimers();
    try {
      const noonLocal = new Date(2018, 0, 15, 12, 0, 0);
      jest.setSystemTime(noonLocal);
      expect(isoToday()).toBe('2018-01-15');
      jest.setSystemTime(new Date(2018, 0, 15, 0, 30, 0));
      expect(isoToday()).toBe('2018-01-15');
    } finally {
      jest.useRealTimers();
    }
  });
});
