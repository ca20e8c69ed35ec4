import { describe, expect, it } from 'vitest';
import { formatBytes, formatEta, formatRam } from './model-format';

describe('model formatting', () => {
  it('reads like a download page', () => {
    expect(formatBytes(147964211)).toBe('148 MB');
    expect(formatBytes(2019377600)).toBe('2.0 GB');
    expect(formatBytes(650)).toBe('650 B');
    expect(formatRam(3500)).toBe('3.4 GB');
    expect(formatRam(500)).toBe('500 MB');
    expect(formatEta(null)).toMatch(/working out/);
    expect(formatEta(42)).toBe('42 s left');
    expect(formatEta(125)).toBe('2 min 5 s left');
    expect(formatEta(7300)).toBe('2 h 2 min left');
  });
});
