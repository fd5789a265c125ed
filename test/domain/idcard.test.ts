import fc from 'fast-check';
import type { Cell } from '../../src/domain/grid';
import {
  ageOn,
  analyzeId,
  analyzeIdText,
  checkDigit,
  idFromFacts,
  isPlainId18,
  normalizeIdText,
  parseDisabilityCert,
  plainIdFacts,
  upgrade15to18,
} from '../../src/domain/idcard';

const AS_OF = '2018-01-15';
const text = (v: string): Cell => ({ v, t: 'string' });
const CHECK_CHARS = '10X98765432';
const digit = fc.constantFrom(...'0123456789'.split(''));
const digits = (length: number) => fc.string({ unit: digit, minLength: length, maxLength: length });

// Valid IDs computed independently (Python, MOD 11-2) so the tests do not only trust checkDigit.
const FEMALE_1949 = '11010519491231002X'; // widely published example, check character X
const MALE_1985 = '430529198511074519';
const LEAP_DAY_2000 = '430529200002290037';
const BORN_1900 = '430529190001010017';

describe('normalizeIdText', () => {
  test.each([
    ['430529198511074519', '430529198511074519'],
    ['  430529198511074519  ', '430529198511074519'],
    ['4305 2919 8511 0745 19', '430529198511074519'],
    ['430529\t19851107\n4519', '430529198511074519'],
    ['\u3000４３０５２９１９８５１１０７４５１９\u3000', '430529198511074519'],
    ['11010519491231002x', FEMALE_1949],
    ['11010519491231002ｘ', FEMALE_1949],
    ["'430529198511074519", '430529198511074519'],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normalizeIdText(input)).toBe(expected);
  });

  test('is idempotent on any mix of digits, x, spaces and full-width characters', () => {
    const unit = fc.constantFrom(..."0123456789xX ９ｘＸ\u3000\t'＇-E.".split(''));
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 25 }), (s) => {
        const once = normalizeIdText(s);
        expect(normalizeIdText(once)).toBe(once);
        expect(once).not.toMatch(/[\sx\uff01-\uff5e]/);
      }),
    );
  });
});

describe('checkDigit', () => {
  // One body per remainder 0..10, so every entry of the table 1 0 X 9 8 7 6 5 4 3 2 is exercised.
  test.each([
    ['43052919851107009', '1'],
    ['43052919851107004', '0'],
    ['43052919851107018', 'X'],
    ['43052919851107005', '9'],
    ['43052919851107019', '8'],
    ['43052919851107006', '7'],
    ['43052919851107001', '6'],
    ['43052919851107007', '5'],
    ['43052919851107002', '4'],
    ['43052919851107008', '3'],
    ['43052919851107003', '2'],
    ['11010519491231002', 'X'],
    ['43052919851107451', '9'],
    ['43052920000229003', '7'],
    ['43052919000101001', '7'],
  ])('%s → %s', (body, expected) => {
    expect(checkDigit(body)).toBe(expected);
  });

  test.each(['1101051949123100', '110105194912310021', '1101051949123100A', ''])('rejects %j', (body) => {
    expect(() => checkDigit(body)).toThrow(RangeError);
  });

  test('appending the check digit to any 17-digit body gives an ID whose check passes', () => {
    fc.assert(
      fc.property(digits(17), (body) => {
        const result = analyzeIdText(body + checkDigit(body), AS_OF);
        expect(result.kind).toBe('id18');
        if (result.kind === 'id18') expect(result.checkOk).toBe(true);
      }),
    );
  });

  test('changing any single character of a valid ID makes the check fail', () => {
    fc.assert(
      fc.property(digits(17), fc.nat(17), fc.integer({ min: 1, max: 10 }), (body, position, shift) => {
        const id = body + checkDigit(body);
        const alphabet = position === 17 ? CHECK_CHARS : '0123456789';
        const replaced = alphabet[(alphabet.indexOf(id[position]) + shift) % alphabet.length];
        fc.pre(replaced !== id[position]);
        const changed = id.slice(0, position) + replaced + id.slice(position + 1);
        const result = analyzeIdText(changed, AS_OF);
        expect(result.kind).toBe('id18');
        if (result.kind === 'id18') expect(result.checkOk).toBe(false);
      }),
    );
  });
});

describe('upgrade15to18', () => {
  test('inserts 19 and appends the check digit', () => {
    expect(upgrade15to18('110105491231002')).toBe(FEMALE_1949);
    expect(upgrade15to18('430529851107451')).toBe(MALE_1985);
  });

  test.each(['11010549123100', '1101054912310021', '11010549123100X'])('rejects %j', (id) => {
    expect(() => upgrade15to18(id)).toThrow(RangeError);
  });

  test('a valid 15-digit ID becomes a valid 18-digit ID with the same birth date and sex', () => {
    const birthDay = fc.date({
      min: new Date(Date.UTC(1900, 0, 1)),
      max: new Date(Date.UTC(1999, 11, 31)),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(digits(6), birthDay, digits(3), (area, day, seq) => {
        const iso = day.toISOString().slice(0, 10);
        const id15 = area + iso.slice(2, 4) + iso.slice(5, 7) + iso.slice(8, 10) + seq;
        const old = analyzeIdText(id15, AS_OF);
        expect(old).toEqual({ kind: 'old15', id: id15, suggested: upgrade15to18(id15), birth: iso });
        const upgraded = analyzeIdText(upgrade15to18(id15), AS_OF);
        expect(upgraded.kind === 'id18' && upgraded.id.slice(0, 6)).toBe(area);
        expect(upgraded).toMatchObject({
          kind: 'id18',
          checkOk: true,
          birth: iso,
          sex: Number(seq[2]) % 2 === 1 ? 'male' : 'female',
        });
      }),
    );
  });
});

describe('ageOn', () => {
  test.each([
    ['2000-01-15', '2018-01-15', 18], // birthday itself counts
    ['2000-01-16', '2018-01-15', 17],
    ['2000-01-14', '2018-01-15', 18],
    ['1999-12-31', '2018-01-01', 18],
    ['2000-02-29', '2018-02-28', 17],
    ['2000-02-29', '2018-03-01', 18],
    ['2018-01-15', '2018-01-15', 0],
  ])('born %s, on %s → %d', (birth, asOf, age) => {
    expect(ageOn(birth, asOf)).toBe(age);
  });
});

describe('analyzeId', () => {
  test.each<[string, Cell | undefined]>([
    ['no cell', undefined],
    ['empty text', text('')],
    ['spaces only', text('   ')],
    ['ideographic space', text('\u3000')],
  ])('blank: %s', (_label, cell) => {
    expect(analyzeId(cell, AS_OF)).toEqual({ kind: 'blank' });
  });

  test('a number cell is ID-04 (precision lost), never repaired', () => {
    expect(analyzeId({ v: 430529198511074500, t: 'number' }, AS_OF)).toEqual({
      kind: 'number',
      raw: '430529198511074500',
    });
    expect(analyzeId({ v: 430529198511074500, t: 'number', text: '4.30529E+17' }, AS_OF)).toEqual({
      kind: 'number',
      raw: '4.30529E+17',
    });
  });

  test.each(['4.30529E+17', ' 4.30529E+17 ', '4.30529e17', '４.３０５２９Ｅ＋１７', '4.30529198511074E+17'])(
    'text in scientific notation %j is ID-04',
    (raw) => {
      expect(analyzeId(text(raw), AS_OF)).toMatchObject({ kind: 'number' });
    },
  );

  test('keeps the scientific text as the clerk sees it', () => {
    expect(analyzeIdText(' ４.３０５２９Ｅ＋１７ ', AS_OF)).toEqual({ kind: 'number', raw: '4.30529E+17' });
  });

  test('15-digit old ID suggests the 18-digit form', () => {
    expect(analyzeId(text('110105491231002'), AS_OF)).toEqual({
      kind: 'old15',
      id: '110105491231002',
      suggested: FEMALE_1949,
      birth: '1949-12-31',
    });
  });

  test('15-digit old ID whose birth date is not real gets no suggestion', () => {
    expect(analyzeId(text('110105491331002'), AS_OF)).toEqual({
      kind: 'old15',
      id: '110105491331002',
      suggested: null,
      birth: null,
    });
  });

  test.each([
    ['17 digits', '43052919851107451', '43052919851107451'],
    ['19 digits', '4305291985110745190', '4305291985110745190'],
    ['16 digits', '4305291985110745', '4305291985110745'],
    ['letter inside', '43052919851107A519', '43052919851107A519'],
    ['X not last', '4305291985110745X9', '4305291985110745X9'],
    ['wrong last letter', '43052919851107451Y', '43052919851107451Y'],
    ['a name in the ID column', '张三', '张三'],
    ['dashes', '430529-19851107-4519', '430529-19851107-4519'],
    ['normalized text reported', ' 4305 2919 8511 0745 1 ', '43052919851107451'],
  ])('bad format: %s', (_label, input, reported) => {
    expect(analyzeId(text(input), AS_OF)).toEqual({ kind: 'bad-format', text: reported });
  });

  test.each<[string, Cell]>([
    ['date cell', { v: new Date(Date.UTC(1985, 10, 7)), t: 'date' }],
    ['boolean cell', { v: true, t: 'boolean' }],
    ['error cell', { v: '#N/A', t: 'error' }],
  ])('bad format: %s', (_label, cell) => {
    expect(analyzeId(cell, AS_OF).kind).toBe('bad-format');
  });

  test('valid 18-digit ID, male', () => {
    expect(analyzeId(text(MALE_1985), AS_OF)).toEqual({
      kind: 'id18',
      id: MALE_1985,
      checkOk: true,
      expectedCheck: '9',
      actualCheck: '9',
      birth: '1985-11-07',
      sex: 'male',
    });
  });

  test('valid 18-digit ID with X, female, lower-case x and full-width accepted', () => {
    const expected = {
      kind: 'id18',
      id: FEMALE_1949,
      checkOk: true,
      expectedCheck: 'X',
      actualCheck: 'X',
      birth: '1949-12-31',
      sex: 'female',
    };
    expect(analyzeId(text(FEMALE_1949), AS_OF)).toEqual(expected);
    expect(analyzeId(text(' 11010519491231002x'), AS_OF)).toEqual(expected);
    expect(analyzeIdText('１１０１０５１９４９１２３１００２Ｘ', AS_OF)).toEqual(expected);
  });

  test('wrong check character reports expected and actual (ID-02)', () => {
    expect(analyzeId(text('430529198511074510'), AS_OF)).toMatchObject({
      kind: 'id18',
      checkOk: false,
      expectedCheck: '9',
      actualCheck: '0',
    });
    expect(analyzeId(text('11010519491231002'.concat('1')), AS_OF)).toMatchObject({
      checkOk: false,
      expectedCheck: 'X',
      actualCheck: '1',
    });
  });

  test('leap day birth is a real date', () => {
    const result = analyzeIdText(LEAP_DAY_2000, AS_OF);
    expect(result).toMatchObject({ kind: 'id18', checkOk: true, birth: '2000-02-29' });
    expect(result).not.toHaveProperty('birthProblem');
  });

  test.each([
    ['30 February', '430529199002300017', null, 'invalid'],
    ['29 February of a common year', '430529190102290010', null, 'invalid'],
    ['month 13', '430529199013010012', null, 'invalid'],
    ['born after the reference date', '430529203001010017', '2030-01-01', 'future'],
    ['born before 1900', '430529189912310012', '1899-12-31', 'before1900'],
    // The year 0800 is long before 1900, not "after the reference date" (its ISO form is 0800-…).
    ['born in the year 800', `43052908001231001${checkDigit('43052908001231001')}`, '0800-12-31', 'before1900'],
  ])('birth date problem (ID-03): %s', (_label, id, birth, problem) => {
    expect(analyzeIdText(id, AS_OF)).toMatchObject({ kind: 'id18', birth, birthProblem: problem });
  });

  test('born on 1900-01-01 and on the reference date itself are fine', () => {
    expect(analyzeIdText(BORN_1900, AS_OF)).not.toHaveProperty('birthProblem');
    const body = '43052920180115001';
    expect(analyzeIdText(body + checkDigit(body), AS_OF)).not.toHaveProperty('birthProblem');
    const tomorrow = '43052920180116001';
    expect(analyzeIdText(tomorrow + checkDigit(tomorrow), AS_OF)).toMatchObject({ birthProblem: 'future' });
  });

  test('sex comes from digit 17: odd male, even female', () => {
    for (let d = 0; d <= 9; d++) {
      const body = '4305291985110745' + d;
      expect(analyzeIdText(body + checkDigit(body), AS_OF)).toMatchObject({ sex: d % 2 === 1 ? 'male' : 'female' });
    }
  });
});

describe('parseDisabilityCert', () => {
  test('ID + category + grade', () => {
    expect(parseDisabilityCert(MALE_1985 + '42')).toEqual({
      id: MALE_1985,
      category: 4,
      categoryName: '肢体',
      grade: 2,
      severe: true,
    });
  });

  test.each([
    [1, '视力'],
    [2, '听力'],
    [3, '言语'],
    [4, '肢体'],
    [5, '智力'],
    [6, '精神'],
    [7, '多重'],
  ])('category %d is %s', (category, name) => {
    expect(parseDisabilityCert(`${MALE_1985}${category}3`)).toMatchObject({ category, categoryName: name });
  });

  test.each([
    [1, true],
    [2, true],
    [3, false],
    [4, false],
  ])('grade %d severe: %s', (grade, severe) => {
    expect(parseDisabilityCert(`${MALE_1985}6${grade}`)).toMatchObject({ grade, severe });
  });

  test('normalizes spaces, full-width characters and lower-case x', () => {
    expect(parseDisabilityCert(' 11010519491231002x 7 1 ')).toMatchObject({
      id: FEMALE_1949,
      category: 7,
      grade: 1,
      severe: true,
    });
    expect(parseDisabilityCert('１１０１０５１９４９１２３１００２Ｘ５２')).toMatchObject({
      id: FEMALE_1949,
      category: 5,
    });
  });

  test.each([
    ['category 0', MALE_1985 + '02'],
    ['category 8', MALE_1985 + '82'],
    ['grade 0', MALE_1985 + '40'],
    ['grade 5', MALE_1985 + '45'],
    ['19 characters', MALE_1985 + '4'],
    ['21 characters', MALE_1985 + '421'],
    ['ID alone', MALE_1985],
    ['letter in the ID part', '43052919851107A51942'],
    ['X in the grade', MALE_1985 + '4X'],
    ['blank', ''],
    ['words', '肢体二级'],
  ])('not a certificate number: %s', (_label, input) => {
    expect(parseDisabilityCert(input)).toBeNull();
  });
});

describe('plainIdFacts / idFromFacts (member IDs kept as numbers)', () => {
  const digit = fc.constantFrom(...'0123456789');
  const digits = (n: number) => fc.array(digit, { minLength: n, maxLength: n }).map((d) => d.join(''));
  const realDay = fc
    .date({ min: new Date(Date.UTC(1890, 0, 1)), max: new Date(Date.UTC(2030, 11, 31)), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10).replace(/-/g, ''));
  const plainId = fc
    .tuple(digits(6), fc.oneof(realDay, digits(8)), digits(3), fc.constantFrom(...'0123456789X'))
    .map(([area, ymd, seq, check]) => area + ymd + seq + check);

  test('give back exactly what analyzeIdText gives, for real and impossible birth dates and any check character', () => {
    fc.assert(
      fc.property(plainId, fc.constantFrom(AS_OF, '2030-06-30', '1950-01-01'), (id, asOf) => {
        expect(isPlainId18(id)).toBe(true);
        expect(idFromFacts(id, plainIdFacts(id, asOf))).toEqual(analyzeIdText(id, asOf));
      }),
      { numRuns: 2000 },
    );
  });
});
