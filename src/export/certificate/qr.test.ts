import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { qrMatrix } from './qr.ts';

describe('qrMatrix', () => {
  const url = 'https://lentera.example.go.id/verify/7KQ2M-X9D4R';

  it('encodes the whole address at error correction M', () => {
    const code = create(url, { errorCorrectionLevel: 'M' });
    // qrcode packs the upper-case code as an alphanumeric segment after the bytes of the host
    const data = code.segments.map((s) => {
      const value = (s as unknown as { data: Uint8Array | string }).data;
      return typeof value === 'string' ? value : Buffer.from(value).toString('utf8');
    });
    expect(data.join('')).toBe(url);
    expect(code.errorCorrectionLevel.bit).toBe(0);
  });

  it('is the symbol qrcode makes for the address, with finder patterns in three corners', () => {
    const matrix = qrMatrix(url);
    const { modules } = create(url, { errorCorrectionLevel: 'M' });
    expect(matrix.size).toBe(modules.size);
    for (let r = 0; r < matrix.size; r++) {
      for (let c = 0; c < matrix.size; c++) expect(matrix.isDark(r, c)).toBe(Boolean(modules.get(r, c)));
    }
    const last = matrix.size - 1;
    for (const [r, c] of [
      [0, 0],
      [0, last],
      [last, 0],
    ] as const) {
      expect(matrix.isDark(r, c)).toBe(true);
    }
    // the separator row below the top-left finder is light
    expect(matrix.isDark(7, 0)).toBe(false);
  });
});
