import { describe, expect, it } from 'vitest';
import type { ParticipantProgress } from '../api/types.ts';
import { filterProgress, firstDirection, sortProgress } from './progress-table.ts';

function person(
  name: string,
  options: { percent?: number; last?: string | null; done?: number; nip?: string; instansi?: string } = {},
): ParticipantProgress {
  return {
    id: name.toLowerCase().replace(/\W/g, ''),
    name,
    nip: options.nip ?? null,
    instansi: options.instansi ?? null,
    percent: options.percent ?? 0,
    complete: false,
    lastActivity: options.last ?? null,
    materials: [{ id: 'akuntabel', done: options.done ?? 0, total: 4, percent: 0, complete: false }],
  };
}

const rows = [
  person('Siti Rahma', { percent: 50, last: '2025-03-02T10:00:00Z', done: 2, instansi: 'BPVP Bandung' }),
  person('andi Saputra', { percent: 10, last: '2025-03-03T10:00:00Z', done: 1, nip: '199001012015031001' }),
  person('Budi', { percent: 50, last: null, done: 2 }),
  person('Çahya Dewi', { percent: 0, last: null }),
];
const names = (list: ParticipantProgress[]) => list.map((r) => r.name);

describe('sortProgress', () => {
  it('sorts names alphabetically, ignoring case and accents', () => {
    expect(names(sortProgress(rows, 'name', 'ascending'))).toEqual([
      'andi Saputra',
      'Budi',
      'Çahya Dewi',
      'Siti Rahma',
    ]);
    expect(names(sortProgress(rows, 'name', 'descending'))).toEqual([
      'Siti Rahma',
      'Çahya Dewi',
      'Budi',
      'andi Saputra',
    ]);
  });

  it('sorts by total and breaks ties by name', () => {
    expect(names(sortProgress(rows, 'total', 'descending'))).toEqual([
      'Budi',
      'Siti Rahma',
      'andi Saputra',
      'Çahya Dewi',
    ]);
  });

  it('sorts by one material', () => {
    expect(names(sortProgress(rows, 'm:akuntabel', 'ascending'))).toEqual([
      'Çahya Dewi',
      'andi Saputra',
      'Budi',
      'Siti Rahma',
    ]);
  });

  it('puts people who have not started last, whichever way activity sorts', () => {
    expect(names(sortProgress(rows, 'activity', 'descending'))).toEqual([
      'andi Saputra',
      'Siti Rahma',
      'Budi',
      'Çahya Dewi',
    ]);
    expect(names(sortProgress(rows, 'activity', 'ascending')).slice(0, 2)).toEqual([
      'Siti Rahma',
      'andi Saputra',
    ]);
  });

  it('leaves its input alone and handles 1,000 rows', () => {
    const many = Array.from({ length: 1000 }, (_, i) => person(`Peserta ${i}`, { percent: i % 101 }));
    const sorted = sortProgress(many, 'total', 'descending');
    expect(sorted[0]?.percent).toBe(100);
    expect(many[0]?.name).toBe('Peserta 0');
  });
});

describe('filterProgress', () => {
  it('matches every word in name, NIP or instansi', () => {
    expect(names(filterProgress(rows, 'bandung'))).toEqual(['Siti Rahma']);
    expect(names(filterProgress(rows, '1990 andi'))).toEqual(['andi Saputra']);
    expect(names(filterProgress(rows, 'cahya'))).toEqual(['Çahya Dewi']);
    expect(filterProgress(rows, '  ')).toHaveLength(4);
    expect(filterProgress(rows, 'zzz')).toEqual([]);
  });
});

describe('firstDirection', () => {
  it('starts names A–Z and numbers highest first', () => {
    expect(firstDirection('name')).toBe('ascending');
    expect(firstDirection('total')).toBe('descending');
  });
});
