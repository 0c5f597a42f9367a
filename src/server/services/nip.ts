// NIP (Nomor Induk Pegawai), 18 digits:
//   yyyymmdd  birth date
//   yyyymm    TMT CPNS (start of service); a PPPK NIP carries its appointment year and `21` here
//   g         1 = male, 2 = female
//   nnn       serial, 001–999
// A NIP that breaks this structure is almost always a typo, so the import names the broken part.

export type NipProblem = { ok: false; message: string } | { ok: true };

function validDate(y: number, m: number, d: number): boolean {
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Checks a NIP's structure; `today` bounds the dates (defaults to now). */
export function checkNip(nip: string, today: Date = new Date()): NipProblem {
  if (!/^\d{18}$/.test(nip)) {
    return { ok: false, message: `a NIP has exactly 18 digits; got ${nip.replace(/\D/g, '').length} digits` };
  }
  const year = today.getUTCFullYear();
  const by = Number(nip.slice(0, 4));
  const bm = Number(nip.slice(4, 6));
  const bd = Number(nip.slice(6, 8));
  if (!validDate(by, bm, bd) || by < 1940 || by > year - 15) {
    return {
      ok: false,
      message: `digits 1–8 should be a birth date yyyymmdd; ${nip.slice(0, 8)} is not one`,
    };
  }
  const ty = Number(nip.slice(8, 12));
  const tm = Number(nip.slice(12, 14));
  const pppk = tm === 21;
  if (!pppk && (tm < 1 || tm > 12)) {
    return {
      ok: false,
      message: `digits 9–14 should be the TMT month yyyymm; month ${nip.slice(12, 14)} does not exist`,
    };
  }
  if (ty < by + 15 || ty > year + 1) {
    return {
      ok: false,
      message: `digits 9–12 should be the year service began (${by + 15}–${year + 1}); got ${nip.slice(8, 12)}`,
    };
  }
  const gender = nip[14];
  if (gender !== '1' && gender !== '2') {
    return { ok: false, message: `digit 15 should be 1 (male) or 2 (female); got ${gender}` };
  }
  if (nip.slice(15) === '000') return { ok: false, message: 'digits 16–18 are a serial from 001; got 000' };
  return { ok: true };
}
