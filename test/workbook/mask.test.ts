import { maskId, maskIdsInText } from '../../src/workbook/output/mask';

describe('--mask-ids', () => {
  it('keeps the area code and the last four characters', () => {
    expect(maskId('43052919650312231X')).toBe('430529********231X');
    expect(maskId('430529650312231')).toBe('430529*****2231');
  });

  it('masks every ID-like run inside a message, certificate numbers included', () => {
    const text =
      '户主为15位旧身份证号 430529770709219，建议换为18位：430529197707092191；残疾证号 43052919621118107323';
    const masked = maskIdsInText(text);
    expect(masked).toBe(
      '户主为15位旧身份证号 430529*****9219，建议换为18位：430529********2191；残疾证号 430529**********7323',
    );
    expect(maskIdsInText('月保障金 435 元与应发 531.51 元不符（第12行）')).toBe(
      '月保障金 435 元与应发 531.51 元不符（第12行）',
    );
  });
});
