// The words of the result screen and the home entries for case studies, feedback and the result,
// Indonesian first; one type for both languages.

const id = {
  title: 'Hasil akhir dan sertifikat',
  backHome: 'Kembali ke beranda',
  loading: 'Memuat…',
  state: {
    waiting: 'Menunggu penilaian',
    incomplete: 'Belum lengkap',
    lulus: 'Lulus',
    'tidak-lulus': 'Tidak lulus',
  } as Record<string, string>,
  waitingBody:
    'Nilai akhir, predikat, dan sertifikat tampil di sini setelah fasilitator menyelesaikan penilaian dan menutup angkatan.',
  incompleteBody: 'Angkatan sudah ditutup, tetapi komponen nilai Anda belum lengkap:',
  finalScore: 'Nilai akhir',
  predikat: 'Predikat',
  passingScore: (n: number) => `Batas lulus ${n}`,
  components: 'Komponen nilai',
  component: 'Komponen',
  weight: 'Bobot',
  score: 'Nilai',
  componentName: {
    posttest: 'Post-test',
    cases: 'Studi kasus',
    behaviour: 'Perilaku (penilaian fasilitator, mentor, dan atasan)',
  } as Record<string, string>,
  pending: {
    posttest: 'belum dikerjakan',
    cases: 'menunggu nilai semua studi kasus',
    behaviour: 'tampil setelah angkatan ditutup',
  } as Record<string, string>,
  notIn: 'tidak ada',
  certificate: 'Sertifikat',
  certificateNumber: 'Nomor sertifikat',
  certificateIssued: (date: string) => `Diterbitkan ${date}`,
  download: 'Unduh sertifikat (PDF)',
  verify: 'Periksa keaslian sertifikat',
  verifyHint: 'Siapa pun dapat memeriksa keaslian sertifikat ini melalui alamat pada kode QR:',
  certificatePending: 'Sertifikat Anda sedang disiapkan penyelenggara.',
  certificateNone: 'Sertifikat diterbitkan bagi peserta yang lulus setelah angkatan ditutup.',
  revoked: 'Sertifikat ini dicabut',
  revokedReason: (reason: string) => `Alasan: ${reason}`,
  errors: {
    OFFLINE: 'Server tidak dapat dihubungi. Periksa koneksi lalu coba lagi.',
    AUTH_REQUIRED: 'Sesi Anda berakhir. Masuk lagi untuk melihat hasil.',
    FORBIDDEN: 'Hasil akhir hanya untuk peserta angkatan.',
    NO_COHORT:
      'Anda belum terdaftar sebagai peserta angkatan. Masuk dengan akun peserta untuk melihat hasil.',
    NOT_FOUND: 'Angkatan tidak ditemukan.',
    UNKNOWN: 'Terjadi kesalahan. Coba lagi.',
  } as Record<string, string>,
  tryAgain: 'Coba lagi',
  // home entries
  cases: 'Studi kasus',
  feedback: 'Umpan balik',
  result: 'Hasil dan sertifikat',
  casesProgress: (submitted: number, total: number) => `${submitted} dari ${total} dikumpulkan`,
  casesReturned: (n: number) => `${n} dikembalikan untuk revisi`,
  work: 'Kerjakan',
  view: 'Lihat',
  fill: 'Isi',
  filled: 'Sudah diisi',
  feedbackNone: 'Tidak ada formulir umpan balik untuk mata pelatihan ini.',
  onlyParticipants: 'Hanya untuk peserta angkatan.',
  homeResult: {
    waiting: 'Menunggu penilaian',
    incomplete: 'Belum lengkap',
    lulus: 'Lulus',
    'tidak-lulus': 'Tidak lulus',
  } as Record<string, string>,
  homeCertificate: 'sertifikat terbit',
  homeRevoked: 'sertifikat dicabut',
};

export type OutcomeMessages = typeof id;

const en: OutcomeMessages = {
  title: 'Final result and certificate',
  backHome: 'Back to home',
  loading: 'Loading…',
  state: {
    waiting: 'Awaiting grading',
    incomplete: 'Incomplete',
    lulus: 'Passed',
    'tidak-lulus': 'Not passed',
  },
  waitingBody:
    'The final score, predikat and certificate appear here once the facilitator has finished grading and closed the cohort.',
  incompleteBody: 'The cohort is closed, but parts of your result are missing:',
  finalScore: 'Final score',
  predikat: 'Predikat',
  passingScore: (n) => `Pass mark ${n}`,
  components: 'Components',
  component: 'Component',
  weight: 'Weight',
  score: 'Score',
  componentName: {
    posttest: 'Post-test',
    cases: 'Case studies',
    behaviour: 'Behaviour (rated by facilitator, mentor and supervisor)',
  },
  pending: {
    posttest: 'not taken yet',
    cases: 'awaiting the grades of every case',
    behaviour: 'shown once the cohort closes',
  },
  notIn: 'none',
  certificate: 'Certificate',
  certificateNumber: 'Certificate number',
  certificateIssued: (date) => `Issued ${date}`,
  download: 'Download certificate (PDF)',
  verify: 'Verify the certificate',
  verifyHint: 'Anyone can check this certificate at the address in its QR code:',
  certificatePending: 'Your certificate is being prepared by the organisers.',
  certificateNone: 'Certificates are issued to participants who pass, once the cohort closes.',
  revoked: 'This certificate has been revoked',
  revokedReason: (reason) => `Reason: ${reason}`,
  errors: {
    OFFLINE: 'The server cannot be reached. Check the connection and try again.',
    AUTH_REQUIRED: 'Your session ended. Sign in again to see your result.',
    FORBIDDEN: 'Final results are for participants of the cohort.',
    NO_COHORT: 'You are not a participant of a cohort. Sign in with a participant account to see a result.',
    NOT_FOUND: 'Cohort not found.',
    UNKNOWN: 'Something went wrong. Try again.',
  },
  tryAgain: 'Try again',
  cases: 'Case studies',
  feedback: 'Feedback',
  result: 'Result and certificate',
  casesProgress: (submitted, total) => `${submitted} of ${total} submitted`,
  casesReturned: (n) => `${n} returned for revision`,
  work: 'Work on them',
  view: 'View',
  fill: 'Fill in',
  filled: 'Already given',
  feedbackNone: 'This course has no feedback form.',
  onlyParticipants: 'For participants of a cohort only.',
  homeResult: {
    waiting: 'Awaiting grading',
    incomplete: 'Incomplete',
    lulus: 'Passed',
    'tidak-lulus': 'Not passed',
  },
  homeCertificate: 'certificate issued',
  homeRevoked: 'certificate revoked',
};

export function outcomeMessages(lang: string): OutcomeMessages {
  return lang === 'en' ? en : id;
}

export function outcomeErrorText(m: OutcomeMessages, code: string | undefined): string {
  return m.errors[code ?? 'UNKNOWN'] ?? m.errors.UNKNOWN ?? '';
}

export function formatDate(day: string, lang: string): string {
  return new Date(`${day}T00:00:00Z`).toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    timeZone: 'UTC',
  });
}
