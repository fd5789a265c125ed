/**
 * One table per rule (after ESLint's RuleTester): valid rows report nothing for the rule; each
 * invalid row reports the rule with its severity, the row as Excel shows it and the message id.
 */
import type { SheetGrid } from '../../src/domain/grid';
import { sheetFromValues } from '../../src/domain/grid';
import type { PolicyInput } from '../../src/domain/policy';
import type { RuleId, Severity } from '../../src/domain/types';
import { RULE_IDS } from '../../src/domain/types';
import { check, cleanRow, makeId, rowOf, workbook, type Row } from '../support/roster';

interface Expect {
  /** Index of the data row the finding is on. */
  at: number;
  messageId: string;
  severity?: Severity;
}
interface Case {
  name: string;
  rows: Row[];
  extra?: SheetGrid[];
  policy?: PolicyInput;
  headers?: readonly string[];
  expect?: Expect[];
}

const HEAD_A = makeId('19700101', '231');
const HEAD_B = makeId('19720202', '242');
const WIFE = makeId('19710505', '262');
const CHILD = makeId('20100606', '273');

function members(rows: (string | null)[][]): SheetGrid {
  return sheetFromValues('家庭成员', [
    ['户主身份证号', '姓名', '身份证号', '与户主关系', '是否保障对象', '残疾证号', '死亡日期'],
    ...rows,
  ]);
}
function list(name: string, ids: string[], extraHeader?: string, extraValues?: string[]): SheetGrid {
  const head = extraHeader ? ['姓名', '身份证号码', extraHeader] : ['姓名', '身份证号码'];
  return sheetFromValues(name, [
    head,
    ...ids.map((id, i) => (extraHeader ? [`某${i}`, id, extraValues![i]] : [`某${i}`, id])),
  ]);
}

const TABLE: Record<RuleId, { valid: Case[]; invalid: Case[] }> = {
  'ID-01': {
    valid: [
      { name: 'valid ID', rows: [cleanRow()] },
      { name: 'full-width and lower x', rows: [cleanRow({ 身份证号码: '１１０１０５１９４９１２３１００２x' })] },
    ],
    invalid: [
      {
        name: 'too short',
        rows: [cleanRow({ 身份证号码: '43052919600315' })],
        expect: [{ at: 0, messageId: 'format' }],
      },
      {
        name: 'letters',
        rows: [cleanRow({ 身份证号码: '43052919600315A23X' })],
        expect: [{ at: 0, messageId: 'format' }],
      },
      { name: 'blank', rows: [cleanRow({ 身份证号码: null })], expect: [{ at: 0, messageId: 'blank' }] },
    ],
  },
  'ID-02': {
    valid: [{ name: 'check digit X', rows: [cleanRow({ 身份证号码: '11010519491231002X' })] }],
    invalid: [
      {
        name: 'wrong check digit',
        rows: [cleanRow({ 身份证号码: '110105194912310021' })],
        expect: [{ at: 0, messageId: 'checkDigit' }],
      },
    ],
  },
  'ID-03': {
    valid: [{ name: 'real birth date', rows: [cleanRow()] }],
    invalid: [
      {
        name: 'Feb 30',
        rows: [cleanRow({ 身份证号码: makeId('19600230') })],
        expect: [{ at: 0, messageId: 'invalid' }],
      },
      {
        name: 'after asOf',
        rows: [cleanRow({ 身份证号码: makeId('20190101') })],
        expect: [{ at: 0, messageId: 'future' }],
      },
      {
        name: 'before 1900',
        rows: [cleanRow({ 身份证号码: makeId('18991231') })],
        expect: [{ at: 0, messageId: 'before1900' }],
      },
    ],
  },
  'ID-04': {
    valid: [{ name: 'text ID', rows: [cleanRow()] }],
    invalid: [
      {
        name: 'number cell',
        rows: [cleanRow({ 身份证号码: 430529196003151000 })],
        expect: [{ at: 0, messageId: 'number' }],
      },
      {
        name: 'E-notation text',
        rows: [cleanRow({ 身份证号码: '4.30529E+17' })],
        expect: [{ at: 0, messageId: 'number' }],
      },
    ],
  },
  'ID-05': {
    valid: [{ name: 'odd digit male', rows: [cleanRow({ 身份证号码: makeId('19600315', '123'), 性别: '男' })] }],
    invalid: [
      {
        name: 'wrong check digit does not hide the sex mismatch',
        rows: [cleanRow({ 身份证号码: makeId('19600315', '123').slice(0, 17) + 'X', 性别: '女' })],
        expect: [{ at: 0, messageId: 'mismatch', severity: 'warning' }],
      },
      {
        name: 'odd digit written female',
        rows: [cleanRow({ 身份证号码: makeId('19600315', '123'), 性别: '女' })],
        expect: [{ at: 0, messageId: 'mismatch', severity: 'warning' }],
      },
    ],
  },
  'ID-06': {
    valid: [{ name: 'distinct IDs', rows: [cleanRow({ 身份证号码: HEAD_A }), cleanRow({ 身份证号码: HEAD_B })] }],
    invalid: [
      {
        name: 'two heads share an ID: both reported',
        rows: [cleanRow({ 身份证号码: HEAD_A }), cleanRow({ 身份证号码: HEAD_A })],
        expect: [
          { at: 0, messageId: 'duplicate' },
          { at: 1, messageId: 'duplicate' },
        ],
      },
      {
        name: 'a member of one household heads another',
        rows: [cleanRow({ 身份证号码: HEAD_A }), cleanRow({ 身份证号码: HEAD_B })],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', HEAD_B, '兄弟'],
          ]),
        ],
        expect: [
          { at: 0, messageId: 'duplicate' },
          { at: 1, messageId: 'duplicate' },
        ],
      },
    ],
  },
  'ID-07': {
    valid: [
      { name: 'local code', rows: [cleanRow()], policy: { areaCode: '430529' } },
      { name: 'no code set', rows: [cleanRow({ 身份证号码: makeId('19600315', '123', '110105') })] },
    ],
    invalid: [
      {
        name: 'other county',
        rows: [cleanRow({ 身份证号码: makeId('19600315', '123', '110105') })],
        policy: { areaCode: '430529' },
        expect: [{ at: 0, messageId: 'area', severity: 'info' }],
      },
    ],
  },
  'ID-08': {
    valid: [{ name: '18 digits', rows: [cleanRow()] }],
    invalid: [
      {
        name: '15-digit ID',
        rows: [cleanRow({ 身份证号码: '430529600315123' })],
        expect: [{ at: 0, messageId: 'old15', severity: 'info' }],
      },
    ],
  },
  'HH-01': {
    valid: [{ name: '3 of 3', rows: [cleanRow()] }],
    invalid: [
      {
        name: 'covered above size',
        rows: [cleanRow({ 家庭人口: 2, 保障人数: 3 })],
        expect: [{ at: 0, messageId: 'coveredAboveSize' }],
      },
      {
        name: 'size zero',
        rows: [cleanRow({ 家庭人口: 0, 保障人数: 0 })],
        expect: [{ at: 0, messageId: 'sizeBelowOne' }],
      },
      { name: 'covered zero', rows: [cleanRow({ 保障人数: 0 })], expect: [{ at: 0, messageId: 'coveredBelowOne' }] },
      { name: 'not a number', rows: [cleanRow({ 保障人数: '2.5' })], expect: [{ at: 0, messageId: 'invalid' }] },
    ],
  },
  'HH-02': {
    valid: [
      { name: 'whole household', rows: [cleanRow()] },
      {
        name: 'exception (a) with severe certificate',
        rows: [
          cleanRow({
            家庭人口: 3,
            保障人数: 1,
            月保障金: 152.17,
            单人保原因: '成年重度残疾人，单独立户',
            残疾证号: makeId() + '41',
          }),
        ],
      },
      {
        name: 'religious exception',
        rows: [cleanRow({ 家庭人口: 2, 保障人数: 1, 月保障金: 152.17, 单人保原因: '在宗教场所居住五年' })],
      },
    ],
    invalid: [
      {
        name: 'one of three without reason',
        rows: [cleanRow({ 保障人数: 1, 月保障金: 152.17 })],
        expect: [{ at: 0, messageId: 'partial' }],
      },
      {
        name: 'reason that is no exception',
        rows: [cleanRow({ 保障人数: 1, 月保障金: 152.17, 单人保原因: '子女外出务工' })],
        expect: [{ at: 0, messageId: 'partial' }],
      },
      {
        name: 'exception with two persons',
        rows: [
          cleanRow({ 家庭人口: 3, 保障人数: 2, 月保障金: 304.33, 单人保原因: '重度残疾，靠家庭供养', 病残证明: '有' }),
        ],
        expect: [{ at: 0, messageId: 'exceptionMany', severity: 'warning' }],
      },
    ],
  },
  'HH-03': {
    valid: [
      {
        name: 'spouse in the same household',
        rows: [cleanRow({ 身份证号码: HEAD_A, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 })],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', WIFE, '妻'],
          ]),
        ],
      },
    ],
    invalid: [
      {
        name: 'wife heads her own household',
        rows: [
          cleanRow({ 身份证号码: HEAD_A, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 }),
          cleanRow({ 身份证号码: WIFE, 性别: '女', 家庭人口: 1, 保障人数: 1, 月保障金: 152.17 }),
        ],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', WIFE, '配偶'],
            [WIFE, '乙', WIFE, '本人'],
          ]),
        ],
        expect: [
          { at: 0, messageId: 'spouse' },
          { at: 1, messageId: 'spouse' },
        ],
      },
      {
        name: 'minor child in another household',
        rows: [
          cleanRow({ 身份证号码: HEAD_A, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 }),
          cleanRow({ 身份证号码: HEAD_B, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 }),
        ],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '小', CHILD, '长子'],
            [HEAD_B, '丙', HEAD_B, '本人'],
            [HEAD_B, '小', CHILD, '孙子'],
          ]),
        ],
        expect: [
          { at: 0, messageId: 'child' },
          { at: 1, messageId: 'child' },
        ],
      },
    ],
  },
  'HH-04': {
    valid: [{ name: 'adult head', rows: [cleanRow()] }],
    invalid: [
      {
        name: '15-year-old head',
        rows: [cleanRow({ 身份证号码: makeId('20030101', '123') })],
        expect: [{ at: 0, messageId: 'minor', severity: 'warning' }],
      },
    ],
  },
  'HH-05': {
    valid: [
      {
        name: 'one 本人',
        rows: [cleanRow({ 身份证号码: HEAD_A, 家庭人口: 1, 保障人数: 1, 月保障金: 152.17 })],
        extra: [members([[HEAD_A, '甲', HEAD_A, '本人']])],
      },
    ],
    invalid: [
      {
        name: 'no head record',
        rows: [cleanRow({ 身份证号码: HEAD_A, 家庭人口: 1, 保障人数: 1, 月保障金: 152.17 })],
        extra: [members([[HEAD_A, '甲', WIFE, '妻']])],
        expect: [{ at: 0, messageId: 'noHead' }],
      },
      {
        name: 'two head records',
        rows: [cleanRow({ 身份证号码: HEAD_A, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 })],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', WIFE, '户主'],
          ]),
        ],
        expect: [{ at: 0, messageId: 'manyHeads' }],
      },
      {
        name: 'household absent from the member sheet',
        rows: [
          cleanRow({ 身份证号码: HEAD_A, 家庭人口: 1, 保障人数: 1, 月保障金: 152.17 }),
          cleanRow({ 身份证号码: HEAD_B }),
        ],
        extra: [members([[HEAD_A, '甲', HEAD_A, '本人']])],
        expect: [{ at: 1, messageId: 'noMembers' }],
      },
    ],
  },
  'HH-06': {
    valid: [
      {
        name: 'two members, size 2',
        rows: [cleanRow({ 身份证号码: HEAD_A, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 })],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', WIFE, '妻'],
          ]),
        ],
      },
    ],
    invalid: [
      {
        name: 'two members, size 3',
        rows: [cleanRow({ 身份证号码: HEAD_A })],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', WIFE, '妻'],
          ]),
        ],
        expect: [{ at: 0, messageId: 'count', severity: 'warning' }],
      },
    ],
  },
  'AMT-01': {
    valid: [
      { name: 'exact', rows: [cleanRow()] },
      { name: 'within 1 yuan', rows: [cleanRow({ 月保障金: 457 })] },
      { name: 'row standard overrides the policy', rows: [cleanRow({ 低保标准: 300, 月保障金: 600 })] },
      { name: 'annual income', rows: [cleanRow({ 家庭月人均收入: null, 家庭年收入: 3600, 月保障金: 456.5 })] },
      {
        name: 'class supplement',
        rows: [cleanRow({ 保障类别: 'A类', 月保障金: 516.5 })],
        policy: { supplements: { A: 20 } },
      },
    ],
    invalid: [
      { name: 'paid too little', rows: [cleanRow({ 月保障金: 400 })], expect: [{ at: 0, messageId: 'mismatch' }] },
      { name: 'paid too much', rows: [cleanRow({ 月保障金: '500元' })], expect: [{ at: 0, messageId: 'mismatch' }] },
      {
        name: 'supplement not paid',
        rows: [cleanRow({ 保障类别: 'A类' })],
        policy: { supplements: { A: 20 } },
        expect: [{ at: 0, messageId: 'mismatch' }],
      },
    ],
  },
  'AMT-02': {
    valid: [{ name: 'income below standard', rows: [cleanRow()] }],
    invalid: [
      {
        name: 'monthly income 300',
        rows: [cleanRow({ 家庭月人均收入: 300, 月保障金: 0 })],
        expect: [{ at: 0, messageId: 'over' }],
      },
      {
        name: 'annual income over',
        rows: [cleanRow({ 家庭月人均收入: null, 家庭年收入: 12000 })],
        expect: [{ at: 0, messageId: 'over' }],
      },
    ],
  },
  'AMT-03': {
    valid: [
      { name: 'paid', rows: [cleanRow()] },
      { name: 'stopped household unpaid', rows: [cleanRow({ 状态: '停保', 月保障金: 0 })] },
    ],
    invalid: [
      { name: 'blank benefit', rows: [cleanRow({ 月保障金: null })], expect: [{ at: 0, messageId: 'missing' }] },
      { name: 'zero benefit', rows: [cleanRow({ 月保障金: 0 })], expect: [{ at: 0, messageId: 'missing' }] },
    ],
  },
  'AMT-04': {
    valid: [
      { name: 'monthly income given', rows: [cleanRow()] },
      { name: 'zero income is an assessment', rows: [cleanRow({ 家庭月人均收入: 0, 月保障金: 756.5 })] },
    ],
    invalid: [
      { name: 'both blank', rows: [cleanRow({ 家庭月人均收入: null })], expect: [{ at: 0, messageId: 'missing' }] },
    ],
  },
  'AMT-05': {
    valid: [{ name: 'stopped, unpaid', rows: [cleanRow({ 状态: '停保', 月保障金: null })] }],
    invalid: [
      { name: 'stopped, still paid', rows: [cleanRow({ 状态: '停保' })], expect: [{ at: 0, messageId: 'paid' }] },
    ],
  },
  'ELIG-01': {
    valid: [{ name: 'death after asOf', rows: [cleanRow({ 死亡日期: '2018-03-01' })] }],
    invalid: [
      {
        name: 'head died',
        rows: [cleanRow({ 死亡日期: '2017年11月2日' })],
        expect: [{ at: 0, messageId: 'deceased' }],
      },
      {
        name: 'head in the death list',
        rows: [cleanRow({ 身份证号码: HEAD_A })],
        extra: [list('死亡名单', [HEAD_A])],
        expect: [{ at: 0, messageId: 'deceased' }],
      },
      {
        name: 'covered member died (member sheet)',
        rows: [cleanRow({ 身份证号码: HEAD_A, 家庭人口: 2, 保障人数: 2, 月保障金: 304.33 })],
        extra: [
          members([
            [HEAD_A, '甲', HEAD_A, '本人'],
            [HEAD_A, '乙', WIFE, '妻', '是', null, '2017-06-01'],
          ]),
        ],
        expect: [{ at: 0, messageId: 'deceased' }],
      },
    ],
  },
  'ELIG-02': {
    valid: [
      { name: 'no assets', rows: [cleanRow({ 机动车辆: '无', 商品房: '否' })] },
      { name: 'motorbike is an exception', rows: [cleanRow({ 机动车辆: '摩托车一辆' })] },
    ],
    invalid: [
      { name: 'car', rows: [cleanRow({ 机动车辆: '小轿车一辆' })], expect: [{ at: 0, messageId: 'column' }] },
      { name: 'town flat', rows: [cleanRow({ 商品房: '县城商品房' })], expect: [{ at: 0, messageId: 'column' }] },
      { name: 'payroll yes', rows: [cleanRow({ 财政供养人员: '是' })], expect: [{ at: 0, messageId: 'column' }] },
      {
        name: 'in the vehicle list',
        rows: [cleanRow({ 身份证号码: HEAD_A })],
        extra: [list('车辆登记', [HEAD_A])],
        expect: [{ at: 0, messageId: 'list' }],
      },
    ],
  },
  'ELIG-03': {
    valid: [
      { name: 'relative filed', rows: [cleanRow({ 干部近亲属: '是', 近亲属备案: '已备案' })] },
      { name: 'not a relative', rows: [cleanRow({ 干部近亲属: '否' })] },
    ],
    invalid: [
      {
        name: 'relative not filed',
        rows: [cleanRow({ 干部近亲属: '是' })],
        expect: [{ at: 0, messageId: 'notFiled', severity: 'warning' }],
      },
      {
        name: 'in the relatives list',
        rows: [cleanRow({ 身份证号码: HEAD_A })],
        extra: [list('村干部近亲属', [HEAD_A])],
        expect: [{ at: 0, messageId: 'notFiled', severity: 'warning' }],
      },
    ],
  },
  'ELIG-04': {
    valid: [{ name: 'bottom line and registered', rows: [cleanRow({ 兜底对象: '是', 建档立卡: '是' })] }],
    invalid: [
      {
        name: 'bottom line, not registered',
        rows: [cleanRow({ 兜底对象: '是', 建档立卡: '否' })],
        expect: [{ at: 0, messageId: 'notRegistered', severity: 'warning' }],
      },
    ],
  },
  'DOC-01': {
    valid: [{ name: 'form signed', rows: [cleanRow()] }],
    invalid: [
      {
        name: 'visited but not signed',
        rows: [cleanRow({ 入户调查签字: '未签' })],
        expect: [{ at: 0, messageId: 'unsigned' }],
      },
      { name: 'no form', rows: [cleanRow({ 入户调查表: null })], expect: [{ at: 0, messageId: 'missing' }] },
    ],
  },
  'DOC-02': {
    valid: [{ name: 'signed', rows: [cleanRow()] }],
    invalid: [
      { name: 'no letter', rows: [cleanRow({ 授权委托书: '缺' })], expect: [{ at: 0, messageId: 'missing' }] },
      { name: 'unsigned', rows: [cleanRow({ 授权书签字: null })], expect: [{ at: 0, messageId: 'unsigned' }] },
    ],
  },
  'DOC-03': {
    valid: [{ name: 'copies', rows: [cleanRow()] }],
    invalid: [{ name: 'missing', rows: [cleanRow({ 身份证复印件: '×' })], expect: [{ at: 0, messageId: 'missing' }] }],
  },
  'DOC-04': {
    valid: [{ name: 'declared', rows: [cleanRow()] }],
    invalid: [
      { name: 'missing', rows: [cleanRow({ 家庭经济状况申报表: null })], expect: [{ at: 0, messageId: 'missing' }] },
    ],
  },
  'DOC-05': {
    valid: [
      { name: 'illness with proof', rows: [cleanRow({ 致贫原因: '因病', 病残证明: '有' })] },
      { name: 'disability with certificate', rows: [cleanRow({ 致贫原因: '残疾', 残疾证号: makeId() + '43' })] },
    ],
    invalid: [
      {
        name: 'illness without proof',
        rows: [cleanRow({ 致贫原因: '因病致贫' })],
        expect: [{ at: 0, messageId: 'illness' }],
      },
      {
        name: 'severe-disability exception with a grade-3 certificate only',
        rows: [
          cleanRow({
            家庭人口: 3,
            保障人数: 1,
            月保障金: 152.17,
            单人保原因: '成年重度残疾人，单独立户',
            残疾证号: makeId() + '43',
          }),
        ],
        expect: [{ at: 0, messageId: 'severe' }],
      },
    ],
  },
  'DOC-06': {
    valid: [{ name: 'application', rows: [cleanRow()] }],
    invalid: [
      {
        name: 'missing',
        rows: [cleanRow({ 申请书: null })],
        expect: [{ at: 0, messageId: 'missing', severity: 'warning' }],
      },
    ],
  },
  'PROC-01': {
    valid: [{ name: 'reviewed', rows: [cleanRow()] }],
    invalid: [{ name: 'missing', rows: [cleanRow({ 民主评议: null })], expect: [{ at: 0, messageId: 'missing' }] }],
  },
  'PROC-02': {
    valid: [{ name: 'posted', rows: [cleanRow()] }],
    invalid: [{ name: 'missing', rows: [cleanRow({ 公示: '否' })], expect: [{ at: 0, messageId: 'missing' }] }],
  },
  'PROC-03': {
    valid: [
      { name: 'new and passed', rows: [cleanRow({ 状态: '新增', 入户复核: '是' })] },
      { name: 'existing, no result', rows: [cleanRow({ 核对结果: null })] },
    ],
    invalid: [
      {
        name: 'new, failed',
        rows: [cleanRow({ 状态: '新增', 入户复核: '是', 核对结果: '未通过' })],
        expect: [{ at: 0, messageId: 'notPassed' }],
      },
      {
        name: 'new, blank',
        rows: [cleanRow({ 状态: '新增', 入户复核: '是', 核对结果: null })],
        expect: [{ at: 0, messageId: 'notPassed' }],
      },
    ],
  },
  'PROC-04': {
    valid: [{ name: 'new, re-visited', rows: [cleanRow({ 状态: '新增', 入户复核: '已复核' })] }],
    invalid: [
      { name: 'new, not re-visited', rows: [cleanRow({ 状态: '新增' })], expect: [{ at: 0, messageId: 'missing' }] },
    ],
  },
  'REV-01': {
    valid: [
      { name: 'reviewed 3 months ago', rows: [cleanRow()] },
      { name: 'bottom line reviewed 11 months ago', rows: [cleanRow({ 兜底对象: '是', 最近复核日期: '2017-02-20' })] },
    ],
    invalid: [
      {
        name: 'blank',
        rows: [cleanRow({ 最近复核日期: null })],
        expect: [{ at: 0, messageId: 'blank', severity: 'warning' }],
      },
      {
        name: 'able-bodied, 7 months',
        rows: [cleanRow({ 有劳动能力: '是', 最近复核日期: '2017.6.1' })],
        expect: [{ at: 0, messageId: 'overdue', severity: 'warning' }],
      },
      {
        name: 'other, 13 months',
        rows: [cleanRow({ 最近复核日期: 42736 /* 2017-01-01 */ })],
        expect: [{ at: 0, messageId: 'overdue', severity: 'warning' }],
      },
    ],
  },
};

describe('every rule of DOMAIN §4 has a table', () => {
  test.each(RULE_IDS.map((id) => [id]))('%s has valid and invalid cases', (id) => {
    expect(TABLE[id].valid.length).toBeGreaterThan(0);
    expect(TABLE[id].invalid.length).toBeGreaterThan(0);
  });
});

for (const id of RULE_IDS) {
  describe(id, () => {
    const { valid, invalid } = TABLE[id];
    test.each(valid.map((c) => [c.name, c]))('valid: %s', (_name, c) => {
      const result = check(workbook(c.rows, c.extra ?? [], c.headers), c.policy);
      expect(result.findings.filter((f) => f.rule === id)).toEqual([]);
    });
    test.each(invalid.map((c) => [c.name, c]))('invalid: %s', (_name, c) => {
      const result = check(workbook(c.rows, c.extra ?? [], c.headers), c.policy);
      const got = result.findings
        .filter((f) => f.rule === id)
        .map((f) => ({ row: f.row, messageId: f.messageId, severity: f.severity }));
      const want = c.expect!.map((e) => ({
        row: rowOf(e.at),
        messageId: e.messageId,
        severity: e.severity ?? 'error',
      }));
      expect(got).toEqual(expect.arrayContaining(want));
      expect(got.length).toBe(want.length);
    });
  });
}
