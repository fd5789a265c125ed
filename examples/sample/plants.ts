/**
 * The planted problems: each takes a clean household and breaks exactly what its rule checks
 * (a pair plant breaks two households together). Feature rows (rules: []) are traps for false
 * alarms: they look unusual but are correct, and must produce no finding.
 */
import type { Household, ListEntry, Person } from './model';
import { head } from './model';
import { HouseholdMaker, expectedBenefit, round2, settle } from './households';
import { disabilityCertificate, makeIdRaw, toOldId } from './idnumber';
import type { Prng } from './prng';

export type AdjustmentType = '新增' | '停保' | '增发' | '减发';

export interface ExpectedAdjustment {
  type: AdjustmentType;
  before: { persons: number; amount: number };
  after: { persons: number; amount: number };
}

export interface PlantContext {
  rng: Prng;
  maker: HouseholdMaker;
  deaths: ListEntry[];
  vehicles: ListEntry[];
  /** Households already planted, by plant key (pair plants find their partner here). */
  planted: Map<string, Household>;
}

export interface Plant {
  key: string;
  /** Rule ids the checker must report on this household's row ([] for a trap row). */
  rules: string[];
  /** What was planted, in the clerk's words, for examples/README.md. */
  what: string;
  apply(h: Household, ctx: PlantContext): void;
  /** The adjustment the checker should propose for this row, computed from the final data. */
  adjustment?(h: Household): ExpectedAdjustment;
}

/** Keep an ID plant off the poverty register, so a broken ID does not also trip ELIG-04. */
function offRegister(h: Household): void {
  h.bottomLine = false;
  h.registeredPoor = false;
}

/** Give the household new members, keeping its per-capita income (so it stays below the standard). */
function setMembers(h: Household, members: Person[]): void {
  if (typeof h.annualIncome === 'number') {
    h.annualIncome = Math.round(((h.annualIncome / h.members.length) * members.length) / 100) * 100;
  }
  h.members = members;
  settle(h);
}

function rebuild(h: Household, ctx: PlantContext, size: number): void {
  setMembers(h, ctx.maker.family(size));
}

const paid = (h: Household) => ({ persons: h.coveredPersons, amount: h.benefit ?? 0 });
const stopped = (h: Household): ExpectedAdjustment => ({
  type: '停保',
  before: paid(h),
  after: { persons: 0, amount: 0 },
});

/** The household shrinks by the deceased covered members; total income stays (DOMAIN §5). */
function afterDeaths(h: Household, deceased: number): ExpectedAdjustment {
  const size = h.members.length;
  const income = h.monthlyIncome ?? 0;
  const perCapita = (income * size) / (size - deceased);
  const persons = h.coveredPersons - deceased;
  const amount = expectedBenefit(h.standard, perCapita, persons);
  return { type: amount < (h.benefit ?? 0) ? '减发' : '增发', before: paid(h), after: { persons, amount } };
}

function deathEntry(p: Person, village: string, date: Date): ListEntry {
  return { name: p.name, id: p.id, village, extra: { 性别: p.sex, 死亡日期: date } };
}

export const PLANTS: Plant[] = [
  {
    key: 'ID-01',
    rules: ['ID-01'],
    what: '户主身份证号少录一位（17位）',
    apply(h) {
      offRegister(h);
      head(h).id = head(h).id.slice(0, 10) + head(h).id.slice(11);
    },
  },
  {
    key: 'ID-02',
    rules: ['ID-02'],
    what: '户主身份证号末位校验码录错',
    apply(h) {
      offRegister(h);
      const id = head(h).id;
      const last = id[17] === '9' || id[17] === 'X' ? '0' : String(Number(id[17]) + 1);
      head(h).id = id.slice(0, 17) + last;
    },
  },
  {
    key: 'ID-03',
    rules: ['ID-03'],
    what: '身份证号中出生日期为1967年2月30日（校验码正确）',
    apply(h) {
      offRegister(h);
      const id = head(h).id;
      head(h).id = makeIdRaw(id.slice(0, 6) + '19670230' + id.slice(14, 17));
      head(h).birth = '1967-02-28';
    },
  },
  {
    key: 'ID-04',
    rules: ['ID-04'],
    what: '户主身份证号以数字录入，Excel 显示为 4.30529E+17，后三位已丢失',
    apply(h) {
      offRegister(h);
      h.headIdCell = Number(head(h).id);
    },
  },
  {
    key: 'ID-05',
    rules: ['ID-05'],
    what: '性别栏与身份证号第17位不符（奇数为男、偶数为女）',
    apply(h) {
      h.genderCell = head(h).sex === '男' ? '女' : '男';
    },
  },
  {
    key: 'ID-06a',
    rules: ['ID-06'],
    what: '儿子作为家庭成员在父亲户内享受低保，同时在另一村以户主身份单独享受（同一身份证号两户）',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      const son = h.members[2];
      son.relation = '长子';
      son.sex = '男';
      son.birth = '1986-04-17';
      son.id = ctx.maker.people.id(son.birth, '男');
      son.name = head(h).name.slice(0, 1) + '海龙';
    },
  },
  {
    key: 'ID-06b',
    rules: ['ID-06'],
    what: '户主即另一村父亲户内的长子（同一身份证号两户）',
    apply(h, ctx) {
      rebuild(h, ctx, 2);
      const son = ctx.planted.get('ID-06a')!.members[2];
      h.members[0] = { ...son, relation: '本人' };
      settle(h);
    },
  },
  {
    key: 'ID-07',
    rules: ['ID-07'],
    what: '户主身份证号行政区划为430528（新宁县），非本县',
    apply(h, ctx) {
      const p = head(h);
      p.id = ctx.maker.people.id(p.birth, p.sex, '430528');
      h.note = '由新宁县嫁入';
    },
  },
  {
    key: 'ID-08',
    rules: ['ID-08'],
    what: '户主身份证号为15位旧号',
    apply(h) {
      offRegister(h);
      head(h).id = toOldId(head(h).id);
    },
  },
  {
    key: 'HH-01',
    rules: ['HH-01'],
    what: '保障人数3大于家庭人口2',
    apply(h, ctx) {
      rebuild(h, ctx, 2);
      h.coveredPersons = 3;
      h.benefit = expectedBenefit(h.standard, h.monthlyIncome!, 3);
    },
  },
  {
    key: 'HH-02',
    rules: ['HH-02'],
    what: '家庭人口4人只保1人，未填单人保原因',
    apply(h, ctx) {
      rebuild(h, ctx, 4);
      for (const m of h.members.slice(1)) m.covered = false;
      settle(h);
    },
  },
  {
    key: 'HH-03a',
    rules: ['HH-03', 'ID-06'],
    what: '妻子在本户成员表中为“配偶”，又在下一行单独立户享受（拆户保）',
    apply(h, ctx) {
      rebuild(h, ctx, 2);
      h.members[1].relation = '配偶';
    },
  },
  {
    key: 'HH-03b',
    rules: ['HH-03', 'ID-06'],
    what: '上一行户主的妻子单独立户（拆户保）',
    apply(h, ctx) {
      const wife = ctx.planted.get('HH-03a')!.members[1];
      h.village = ctx.planted.get('HH-03a')!.village;
      h.group = ctx.planted.get('HH-03a')!.group;
      setMembers(h, [{ ...wife, relation: '本人' }]);
      h.bottomLine = false;
      h.registeredPoor = false;
    },
  },
  {
    key: 'HH-04',
    rules: ['HH-04'],
    what: '户主未满18周岁（2001年出生）',
    apply(h, ctx) {
      const people = ctx.maker.people;
      const surname = people.surname();
      const boy = { ...people.person({ sex: '男', from: 2001, to: 2001, relation: '本人', surname }) };
      const sister = people.person({ sex: '女', from: 2005, to: 2006, relation: '其他', surname });
      setMembers(h, [boy, sister]);
      h.hardshipCause = '父母双亡，缺劳力';
      h.note = '由祖母代为管理';
    },
  },
  {
    key: 'HH-05',
    rules: ['HH-05'],
    what: '家庭成员表中该户有两人的关系填为“本人”',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      h.memberRows = h.members.map((m, i) => ({ ...m, relation: i === 2 ? '本人' : m.relation }));
    },
  },
  {
    key: 'HH-06',
    rules: ['HH-06'],
    what: '家庭人口4人，家庭成员表只有3人',
    apply(h, ctx) {
      rebuild(h, ctx, 4);
      h.memberRows = h.members.slice(0, 3);
    },
  },
  {
    key: 'AMT-01up',
    rules: ['AMT-01'],
    what: '月保障金仍按2016年标准（220元）计算，少发',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      h.benefit = expectedBenefit(220, h.monthlyIncome!, h.coveredPersons);
    },
    adjustment(h) {
      const amount = expectedBenefit(h.standard, h.monthlyIncome!, h.coveredPersons);
      return { type: '增发', before: paid(h), after: { persons: h.coveredPersons, amount } };
    },
  },
  {
    key: 'AMT-01down',
    rules: ['AMT-01'],
    what: '月保障金比“标准−收入”多50元',
    apply(h, ctx) {
      rebuild(h, ctx, 2);
      h.benefit = round2(h.benefit! + 50);
    },
    adjustment(h) {
      const amount = expectedBenefit(h.standard, h.monthlyIncome!, h.coveredPersons);
      return { type: '减发', before: paid(h), after: { persons: h.coveredPersons, amount } };
    },
  },
  {
    key: 'AMT-02',
    rules: ['AMT-02'],
    what: '家庭月人均收入305.50元，超过标准252.17元，仍在发放',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      h.annualIncome = 305.5 * 12 * 3;
      h.monthlyIncome = 305.5;
      h.benefit = 96;
    },
    adjustment: stopped,
  },
  {
    key: 'AMT-03',
    rules: ['AMT-03'],
    what: '在保户月保障金为空',
    apply(h) {
      h.benefit = null;
    },
  },
  {
    key: 'AMT-04',
    rules: ['AMT-04'],
    what: '家庭年收入、月人均收入均未填',
    apply(h) {
      h.annualIncome = null;
      h.monthlyIncome = null;
    },
  },
  {
    key: 'AMT-05',
    rules: ['AMT-05'],
    what: '状态为停保，月保障金仍有金额',
    apply(h) {
      h.status = '停保';
      h.note = '2017年12月停保';
    },
  },
  {
    key: 'ELIG-01head',
    rules: ['ELIG-01'],
    what: '单人户户主死亡日期2017年11月3日，仍在保',
    apply(h, ctx) {
      rebuild(h, ctx, 1);
      h.deathDate = '2017-11-03';
    },
    adjustment: stopped,
  },
  {
    key: 'ELIG-01list',
    rules: ['ELIG-01'],
    what: '妻子在死亡名单中（2017年10月21日死亡），仍按3人保障',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      ctx.deaths.push(deathEntry(h.members[1], h.village, new Date(Date.UTC(2017, 9, 21))));
    },
    adjustment: (h) => afterDeaths(h, 1),
  },
  {
    key: 'ELIG-01member',
    rules: ['ELIG-01'],
    what: '家庭成员表中母亲死亡日期2017年12月2日，仍按5人保障',
    apply(h, ctx) {
      rebuild(h, ctx, 5);
      h.members[4].deathDate = '2017-12-02';
    },
    adjustment: (h) => afterDeaths(h, 1),
  },
  {
    key: 'ELIG-02car',
    rules: ['ELIG-02'],
    what: '机动车辆栏填“小轿车一辆”',
    apply(h) {
      h.vehicle = '小轿车一辆';
    },
    adjustment: stopped,
  },
  {
    key: 'ELIG-02list',
    rules: ['ELIG-02'],
    what: '子女的身份证号在车辆登记信息中（小型普通客车）',
    apply(h, ctx) {
      rebuild(h, ctx, 4);
      const son = h.members[2];
      ctx.vehicles.push({
        name: son.name,
        id: son.id,
        village: h.village,
        extra: { 号牌号码: '湘E3K2X7', 车辆类型: '小型普通客车', 登记日期: new Date(Date.UTC(2016, 4, 9)) },
      });
    },
    adjustment: stopped,
  },
  {
    key: 'ELIG-02house',
    rules: ['ELIG-02'],
    what: '城镇商品房栏填“县城商品房一套”',
    apply(h) {
      h.housing = '县城商品房一套';
    },
    adjustment: stopped,
  },
  {
    key: 'ELIG-03',
    rules: ['ELIG-03'],
    what: '村干部近亲属，近亲属备案栏为空',
    apply(h) {
      h.cadreRelative = '是';
      h.relativeFiled = '';
      h.note = '村支书之兄';
    },
  },
  {
    key: 'ELIG-04',
    rules: ['ELIG-04'],
    what: '兜底对象，但不是建档立卡户（也不在建档立卡名单中）',
    apply(h) {
      h.bottomLine = true;
      h.registeredPoor = false;
    },
  },
  {
    key: 'DOC-01',
    rules: ['DOC-01'],
    what: '有入户调查表，被调查人未签字',
    apply(h) {
      h.visitForm = '√';
      h.visitSigned = '';
    },
  },
  {
    key: 'DOC-02',
    rules: ['DOC-02'],
    what: '授权委托书栏填“缺”',
    apply(h) {
      h.authorization = '缺';
      h.authorizationSigned = '';
    },
  },
  {
    key: 'DOC-03',
    rules: ['DOC-03'],
    what: '身份证复印件栏为空',
    apply(h) {
      h.idCopies = '';
    },
  },
  {
    key: 'DOC-04',
    rules: ['DOC-04'],
    what: '申报表栏填“无”',
    apply(h) {
      h.declaration = '无';
    },
  },
  {
    key: 'DOC-05',
    rules: ['DOC-05'],
    what: '致贫原因“因病”，无病残证明，无残疾证号',
    apply(h) {
      h.hardshipCause = '因病';
      h.note = '慢性肾炎';
      h.medicalProof = '';
      h.disabilityCert = '';
    },
  },
  {
    key: 'DOC-06',
    rules: ['DOC-06'],
    what: '申请书栏为空',
    apply(h) {
      h.application = '';
    },
  },
  {
    key: 'PROC-01',
    rules: ['PROC-01'],
    what: '民主评议栏为空',
    apply(h) {
      h.review = '';
    },
  },
  {
    key: 'PROC-02',
    rules: ['PROC-02'],
    what: '两榜公示栏填“未”',
    apply(h) {
      h.publicity = '未';
    },
  },
  {
    key: 'PROC-03',
    rules: ['PROC-03'],
    what: '新增对象，核对平台结果“未通过”',
    apply(h) {
      h.status = '新增';
      h.verification = '未通过';
      h.revisit = '是';
    },
  },
  {
    key: 'PROC-04',
    rules: ['PROC-04'],
    what: '新增对象，入户复核栏为空',
    apply(h) {
      h.status = '新增';
      h.verification = '通过';
      h.revisit = '';
    },
  },
  {
    key: 'REV-01able',
    rules: ['REV-01'],
    what: '有劳动能力，最近复核日期2017年5月20日（超过6个月）',
    apply(h) {
      h.ableBodied = '是';
      h.bottomLine = false;
      h.lastReview = new Date(Date.UTC(2017, 4, 20));
    },
  },
  {
    key: 'REV-01old',
    rules: ['REV-01'],
    what: '最近复核日期“2016年9月8日”（超过12个月）',
    apply(h) {
      h.lastReview = '2016年9月8日';
    },
  },
  // Traps: correct rows that look unusual.
  {
    key: 'NEW',
    rules: [],
    what: '新增对象，核对通过、已入户复核、材料齐全（应列入调整花名册“新增”）',
    apply(h) {
      h.status = '新增';
      h.verification = '通过';
      h.revisit = '是';
      h.lastReview = new Date(Date.UTC(2017, 11, 12));
    },
    adjustment: (h) => ({ type: '新增', before: { persons: 0, amount: 0 }, after: paid(h) }),
  },
  {
    key: 'SINGLE-OK',
    rules: [],
    what: '3口之家只保1人：成年重度残疾人（残疾证一级），由家庭供养、无法单独立户（合规的单人保）',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      const p = head(h);
      const motherBirth = `${Number(p.birth.slice(0, 4)) - 24}-03-08`;
      h.members[1] = { ...h.members[1], relation: '母亲', birth: motherBirth };
      h.members[1].id = ctx.maker.people.id(motherBirth, '女');
      h.members[2].relation = '其他';
      for (const m of h.members.slice(1)) m.covered = false;
      p.disabilityCert = disabilityCertificate(p.id, 4, 1);
      h.disabilityCert = p.disabilityCert;
      h.singleReason = '成年重度残疾人，无劳动能力，由家庭供养，无法单独立户';
      h.hardshipCause = '因残';
      h.medicalProof = '√';
      h.bottomLine = false;
      settle(h);
    },
  },
  {
    key: 'EBIKE',
    rules: [],
    what: '机动车辆栏填“电动三轮车”（例外车辆，不算四类人员）',
    apply(h) {
      h.vehicle = '电动三轮车';
    },
  },
  {
    key: 'FILED',
    rules: [],
    what: '村干部近亲属，已备案',
    apply(h) {
      h.cadreRelative = '是';
      h.relativeFiled = '√';
    },
  },
  {
    key: 'CERT',
    rules: [],
    what: '致贫原因“因残”，无病残证明但有残疾证号（三级）',
    apply(h) {
      h.hardshipCause = '因残';
      h.medicalProof = '';
      h.disabilityCert = disabilityCertificate(head(h).id, 2, 3);
      head(h).disabilityCert = h.disabilityCert;
    },
  },
  {
    key: 'TEXT-NUMBERS',
    rules: [],
    what: '家庭年收入写成“4,800元”，家庭人口用全角“３”',
    apply(h, ctx) {
      rebuild(h, ctx, 3);
      h.annualIncome = 4800;
      settle(h);
      h.annualIncome = '4,800元';
      h.householdSize = '３';
    },
  },
];

export const PLANT_BY_KEY = new Map(PLANTS.map((p) => [p.key, p]));
