/**
 * Severity badges keep readable contrast (WCAG AA, 4.5:1 for small text) in Office's light and
 * dark themes; colour is never the only cue, but it must still be legible.
 */
import { webDarkTheme, webLightTheme, type Theme } from '@fluentui/react-components';
import { SEVERITY_TOKENS } from '../../src/taskpane/components/SeverityBadge';

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

describe('severity badge contrast', () => {
  it.each([
    ['light', webLightTheme],
    ['dark', webDarkTheme],
  ] as [string, Theme][])('%s theme: every severity is at least 4.5:1', (_, theme) => {
    for (const [fg, bg] of Object.values(SEVERITY_TOKENS)) {
      expect(contrast(String(theme[fg]), String(theme[bg]))).toBeGreaterThanOrEqual(4.5);
    }
  });

  it('measures a known pair correctly (black on white is 21:1)', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
  });
});
