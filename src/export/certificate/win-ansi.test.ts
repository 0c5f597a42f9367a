import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { pdfSafeText } from './win-ansi.ts';

describe('pdfSafeText', () => {
  it.each([
    ['Siti Aminah, S.E.', 'Siti Aminah, S.E.', false],
    ['José Müller-Ñúñez', 'José Müller-Ñúñez', false],
    ['Muḥammad Ā. Ṣāliḥ', 'Muhammad A. Salih', true],
    ['Şükrü Ğündoğdu', 'Sükrü Gündogdu', true],
    ['Łukasz Đorđević', 'Lukasz Dordevic', true],
    ['Qurʼani  \n Nur\u200b', "Qur'ani Nur", true],
    ['Nguyễn Thị Ánh', 'Nguyen Thi Ánh', true],
  ])('%j prints as %j', (input, text, changed) => {
    expect(pdfSafeText(input)).toEqual({ text, replaced: [], changed });
  });

  it('marks scripts with no Latin form with ? and lists them', () => {
    expect(pdfSafeText('Ahmad محمد')).toEqual({
      text: 'Ahmad ????',
      replaced: ['م', 'ح', 'د'],
      changed: true,
    });
    expect(pdfSafeText('山田 太郎').replaced).toEqual(['山', '田', '太', '郎']);
    expect(pdfSafeText('Budi 😀').text).toBe('Budi ?');
  });

  it('gives text every standard font can encode', async () => {
    const doc = await PDFDocument.create();
    const fonts = await Promise.all(
      [StandardFonts.TimesRoman, StandardFonts.TimesRomanBold, StandardFonts.Helvetica].map((f) =>
        doc.embedFont(f),
      ),
    );
    const everything = Array.from({ length: 0x3000 }, (_, i) => String.fromCodePoint(i + 1)).join('');
    const { text } = pdfSafeText(`${everything} 😀 ${everything.toUpperCase()}`);
    for (const font of fonts) expect(() => font.encodeText(text)).not.toThrow();
  });
});
