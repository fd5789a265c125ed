/**
 * A check result whose villages have as many households as a test asks for (e.g. a village of 60
 * beside one of 3), nothing to adjust and no findings: every household is posted on the 公示名单.
 */
import type { CheckResult, HouseholdSummary } from '../../src/domain/types';
import { result } from './result-fixture';

const SURNAMES = ['杨', '肖', '蓝', '刘', '谢', '龙', '吴', '石'];
const GIVEN = ['秀英', '德明', '桂花', '长生', '春梅', '老汉', '建国', '玉兰', '小军'];

export function villagesResult(villages: [village: string, households: number][]): CheckResult {
  const households: HouseholdSummary[] = [];
  for (const [village, n] of villages) {
    for (let i = 0; i < n; i++) {
      const index = households.length;
      households.push({
        index,
        sheet: '花名册',
        row: index + 4,
        village,
        township: '儒林镇',
        headName: `${SURNAMES[index % SURNAMES.length]}${GIVEN[index % GIVEN.length]}`,
        idNumber: `4305291960${String(index).padStart(8, '0')}`,
        status: 'existing',
        householdSize: 1 + (index % 4),
        coveredPersons: 1 + (index % 4),
        benefit: 252.17 * (1 + (index % 4)),
        bottomLine: false,
      });
    }
  }
  return { ...result, households, findings: [], adjustments: [], sample: [] };
}
