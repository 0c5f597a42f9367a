import { describe, expect, it } from 'vitest';
import { linkGlossary } from './glossary-link.ts';

const terms = [
  { id: 'akuntabilitas', term: 'Akuntabilitas', aliases: ['akuntabel'], definition: '…' },
  { id: 'asn', term: 'ASN', aliases: ['Aparatur Sipil Negara'], definition: '…' },
];

describe('linkGlossary', () => {
  it('links the first occurrence of a term, whatever its case, and only once per page', () => {
    const used = new Set<string>();
    const first = linkGlossary({
      html: '<p>Akuntabilitas itu penting. akuntabilitas lagi.</p>',
      terms,
      used,
    });
    expect(first).toBe(
      '<p><a class="term" href="#/_alat/glosarium/akuntabilitas" data-term="akuntabilitas">Akuntabilitas</a> itu penting. akuntabilitas lagi.</p>',
    );
    expect(linkGlossary({ html: '<p>Akuntabilitas</p>', terms, used })).toBe('<p>Akuntabilitas</p>');
    expect([...used]).toEqual(['akuntabilitas']);
  });

  it('matches aliases and whole words only', () => {
    expect(linkGlossary({ html: '<p>Pegawai yang akuntabel.</p>', terms })).toContain(
      'data-term="akuntabilitas"',
    );
    expect(linkGlossary({ html: '<p>kasnya</p>', terms })).toBe('<p>kasnya</p>');
    expect(linkGlossary({ html: '<p>Aparatur Sipil Negara bekerja</p>', terms })).toContain(
      '>Aparatur Sipil Negara</a>',
    );
  });

  it('leaves links, headings and code alone', () => {
    const html = '<h3>ASN</h3><p><a href="x">ASN</a> <code>ASN</code> dan ASN</p>';
    expect(linkGlossary({ html, terms })).toBe(
      '<h3>ASN</h3><p><a href="x">ASN</a> <code>ASN</code> dan <a class="term" href="#/_alat/glosarium/asn" data-term="asn">ASN</a></p>',
    );
  });
});
