/**
 * The roster's fields (DOMAIN §3.1) and the member sheet's (§3.2): canonical header and the
 * aliases clerks use. Header detection (columns.ts) matches normalized header text against these.
 */

export const ROSTER_FIELDS = [
  'seq',
  'township',
  'village',
  'group',
  'headName',
  'headId',
  'gender',
  'householdSize',
  'coveredPersons',
  'monthlyIncome',
  'annualIncome',
  'standard',
  'category',
  'benefit',
  'supplement',
  'status',
  'bottomLine',
  'registeredPoor',
  'singleReason',
  'hardshipCause',
  'disabilityCert',
  'vehicle',
  'housing',
  'business',
  'payroll',
  'cadreRelative',
  'relativeFiled',
  'application',
  'declaration',
  'visitForm',
  'visitSigned',
  'authorization',
  'authorizationSigned',
  'idCopies',
  'medicalProof',
  'review',
  'publicity',
  'verification',
  'revisit',
  'lastReview',
  'ableBodied',
  'deathDate',
  'note',
] as const;

export type RosterField = (typeof ROSTER_FIELDS)[number];

export const MEMBER_FIELDS = [
  'headId',
  'name',
  'id',
  'relation',
  'covered',
  'disabilityCert',
  'deathDate',
  'village',
] as const;

export type MemberField = (typeof MEMBER_FIELDS)[number];

export interface FieldSpec<F extends string = string> {
  field: F;
  /** Canonical header (DOMAIN §3.1), in the clerk's words. */
  header: string;
  /** Other headers that mean the same, already in normalized form (see normalizeHeader). */
  aliases: readonly string[];
  /** English label for the English UI and reports. */
  en: string;
}

export const ROSTER_SPECS: readonly FieldSpec<RosterField>[] = [
  { field: 'seq', header: '序号', aliases: ['编号', '序'], en: 'No.' },
  { field: 'township', header: '乡镇', aliases: ['乡镇街道', '所在乡镇', '乡镇', '乡'], en: 'Township' },
  {
    field: 'village',
    header: '村',
    aliases: ['村社区', '所在村', '村名', '村委会', '村居', '行政村', '村名称', '所在村社区'],
    en: 'Village',
  },
  { field: 'group', header: '组', aliases: ['村民小组', '小组', '村民组', '组别'], en: 'Group' },
  {
    field: 'headName',
    header: '户主姓名',
    aliases: ['户主', '姓名', '申请人', '申请人姓名'],
    en: 'Head of household',
  },
  {
    field: 'headId',
    header: '身份证号码',
    aliases: ['户主身份证号', '户主身份证号码', '身份证号', '公民身份号码', '证件号码', '身份证'],
    en: 'ID number',
  },
  { field: 'gender', header: '性别', aliases: [], en: 'Sex' },
  {
    field: 'householdSize',
    header: '家庭人口',
    aliases: [
      '家庭人口数',
      '家庭总人数',
      '共同生活人数',
      '家庭人数',
      '共同生活家庭成员人数',
      '共同生活家庭人口',
      '家庭成员人数',
      '家庭总人口',
      '户籍人口',
      '总人口',
    ],
    en: 'Household size',
  },
  {
    field: 'coveredPersons',
    header: '保障人数',
    aliases: [
      '保障人口',
      '保障人口数',
      '享受人数',
      '享受低保人数',
      '享受人口',
      '享受低保人口',
      '低保人数',
      '低保人口',
      '保障对象人数',
      '享受保障人数',
      '纳入保障人数',
    ],
    en: 'Covered persons',
  },
  {
    field: 'monthlyIncome',
    header: '家庭月人均收入',
    aliases: ['月人均收入', '人均月收入', '家庭人均月收入', '家庭月人均纯收入', '月人均纯收入', '家庭人均月纯收入'],
    en: 'Monthly income per person',
  },
  {
    field: 'annualIncome',
    header: '家庭年收入',
    aliases: ['家庭年纯收入', '年收入', '家庭年总收入', '家庭全年收入', '家庭年度总收入'],
    en: 'Annual household income',
  },
  {
    field: 'standard',
    header: '低保标准',
    aliases: ['保障标准', '月低保标准', '月保障标准', '低保标准元/人/月'],
    en: 'Standard',
  },
  {
    field: 'category',
    header: '保障类别',
    aliases: ['分类施保类别', '低保类别', '救助类别', '类别', '保障类型', '低保类型'],
    en: 'Class',
  },
  {
    field: 'benefit',
    header: '月保障金',
    aliases: [
      '户月保障金',
      '保障金额',
      '月低保金',
      '低保金',
      '月保障金额',
      '月低保金额',
      '月发放金额',
      '月补助金额',
      '月补差金额',
      '户月低保金',
      '每月保障金',
      '月救助金',
      '月享受金额',
    ],
    en: 'Monthly benefit',
  },
  {
    field: 'supplement',
    header: '分类施保金',
    aliases: ['分类救助金', '分类施保金额', '分类救助金额'],
    en: 'Class supplement',
  },
  {
    field: 'status',
    header: '状态',
    aliases: ['对象类型', '新增/原有', '新增原有', '对象状态', '变动情况'],
    en: 'Status',
  },
  { field: 'bottomLine', header: '兜底对象', aliases: ['是否兜底', '兜底保障对象', '兜底户'], en: 'Safety-net' },
  {
    field: 'registeredPoor',
    header: '建档立卡',
    aliases: ['是否建档立卡', '建档立卡户', '建档立卡贫困户', '是否建档立卡贫困户'],
    en: 'Poverty register',
  },
  {
    field: 'singleReason',
    header: '单人保原因',
    aliases: ['单人户原因', '单独施保原因'],
    en: 'Single-person reason',
  },
  {
    field: 'hardshipCause',
    header: '致贫原因',
    aliases: ['主要致贫原因', '困难原因', '致困原因'],
    en: 'Cause of hardship',
  },
  { field: 'disabilityCert', header: '残疾证号', aliases: [], en: 'Disability certificate' },
  { field: 'vehicle', header: '机动车辆', aliases: ['车辆', '机动车', '车辆情况'], en: 'Vehicle' },
  { field: 'housing', header: '商品房', aliases: ['城镇商品房'], en: 'Town housing' },
  { field: 'business', header: '营业执照', aliases: ['工商营业执照'], en: 'Business licence' },
  { field: 'payroll', header: '财政供养人员', aliases: ['财政供养'], en: 'Public payroll' },
  {
    field: 'cadreRelative',
    header: '干部近亲属',
    aliases: ['经办人员或村干部近亲属', '村干部近亲属', '经办人员近亲属', '干部职工近亲属'],
    en: 'Relative of cadre',
  },
  { field: 'relativeFiled', header: '近亲属备案', aliases: ['已备案'], en: 'Relative filed' },
  { field: 'application', header: '申请书', aliases: [], en: 'Application' },
  { field: 'declaration', header: '家庭经济状况申报表', aliases: ['申报表'], en: 'Declaration' },
  { field: 'visitForm', header: '入户调查表', aliases: ['入户调查'], en: 'Home-visit form' },
  { field: 'visitSigned', header: '入户调查签字', aliases: ['被调查人签字'], en: 'Home-visit signature' },
  { field: 'authorization', header: '授权委托书', aliases: ['核对授权书', '授权书'], en: 'Authorization' },
  { field: 'authorizationSigned', header: '授权书签字', aliases: ['直系亲属签字'], en: 'Authorization signature' },
  { field: 'idCopies', header: '身份证复印件', aliases: ['直系亲属身份证复印件'], en: 'ID copies' },
  { field: 'medicalProof', header: '病残证明', aliases: ['疾病证明', '病残鉴定'], en: 'Illness/disability proof' },
  { field: 'review', header: '民主评议', aliases: ['评议', '村民代表评议', '民主评议结果'], en: 'Democratic review' },
  { field: 'publicity', header: '公示', aliases: ['两榜公示'], en: 'Public posting' },
  {
    field: 'verification',
    header: '核对结果',
    aliases: ['核对平台核对', '经济状况核对', '经济状况核对结果', '核对情况'],
    en: 'Verification result',
  },
  { field: 'revisit', header: '入户复核', aliases: ['乡镇入户复核', '入户核查'], en: 'Re-visit' },
  {
    field: 'lastReview',
    header: '最近复核日期',
    aliases: ['复核日期', '核查日期', '复核时间', '最近一次复核日期', '上次复核日期'],
    en: 'Last review',
  },
  { field: 'ableBodied', header: '有劳动能力', aliases: ['收入不稳定'], en: 'Able-bodied' },
  { field: 'deathDate', header: '死亡日期', aliases: ['死亡时间'], en: 'Date of death' },
  { field: 'note', header: '备注', aliases: ['说明'], en: 'Note' },
];

export const MEMBER_SPECS: readonly FieldSpec<MemberField>[] = [
  { field: 'headId', header: '户主身份证号', aliases: ['户主身份证号码', '户主身份证'], en: "Head's ID" },
  { field: 'name', header: '姓名', aliases: ['成员姓名'], en: 'Name' },
  { field: 'id', header: '身份证号', aliases: ['身份证号码', '成员身份证号', '公民身份号码'], en: 'ID number' },
  { field: 'relation', header: '与户主关系', aliases: ['关系'], en: 'Relation' },
  { field: 'covered', header: '是否保障对象', aliases: ['保障对象', '是否享受'], en: 'Covered' },
  { field: 'disabilityCert', header: '残疾证号', aliases: [], en: 'Disability certificate' },
  { field: 'deathDate', header: '死亡日期', aliases: [], en: 'Date of death' },
  { field: 'village', header: '村', aliases: ['村社区', '所在村'], en: 'Village' },
];

/** Reference lists (DOMAIN §3.3): sheet-name keywords per kind. */
export const LIST_KINDS = ['death', 'payroll', 'vehicle', 'housing', 'business', 'poor', 'relatives'] as const;
export type ListKind = (typeof LIST_KINDS)[number];

export const LIST_KEYWORDS: Record<ListKind, readonly string[]> = {
  death: ['死亡'],
  payroll: ['财政供养'],
  vehicle: ['车辆'],
  housing: ['商品房', '房产'],
  business: ['工商', '营业执照'],
  poor: ['建档立卡'],
  relatives: ['近亲属'],
};

export const LIST_LABELS: Record<ListKind, string> = {
  death: '死亡名单',
  payroll: '财政供养人员名单',
  vehicle: '车辆登记名单',
  housing: '商品房登记名单',
  business: '工商登记名单',
  poor: '建档立卡名单',
  relatives: '近亲属备案名单',
};
