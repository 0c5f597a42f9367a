import { z } from 'zod';
import { checkNip } from './services/nip.ts';

// Field schemas shared by the routes, so a NIP or an email is checked the same way everywhere.

export const Nip = z
  .string()
  .trim()
  .superRefine((value, ctx) => {
    const result = checkNip(value);
    if (!result.ok) ctx.addIssue({ code: 'custom', message: result.message });
  });

export const Email = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email())
  .transform((e) => e.toLowerCase());

export const Password = z
  .string()
  .min(10, 'use at least 10 characters')
  .max(200, 'use at most 200 characters');

export const Name = z.string().trim().min(1).max(200);
export const Text = z.string().trim().max(200);

export const Person = z.object({
  name: Name,
  nip: Nip.optional(),
  email: Email,
  instansi: Text.optional(),
  jabatan: Text.optional(),
});

/** opaque row ids are 22 base64url characters */
export const RowId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'not an id');

export const CohortRole = z.enum(['peserta', 'fasilitator', 'mentor', 'atasan']);
export const RaterRole = z.enum(['mentor', 'atasan']);

export const IsoDate = z.iso.date();
