// The words of the case study screens, Indonesian first. Both languages share one type, so a key
// missing in either fails the typecheck.

const id = {
  title: 'Studi kasus',
  intro:
    'Baca setiap kasus, lalu jawab pertanyaan pemandunya dengan kata-kata Anda sendiri. Jawaban tersimpan otomatis; setelah dikumpulkan, fasilitator menilainya dengan rubrik yang tercantum pada kasus.',
  backHome: 'Kembali ke beranda',
  backList: 'Semua studi kasus',
  loading: 'Memuat…',
  empty: 'Mata pelatihan ini tidak memiliki studi kasus.',
  status: {
    draft: 'Belum dikumpulkan',
    submitted: 'Dikumpulkan, menunggu penilaian',
    returned: 'Dikembalikan untuk revisi',
    graded: 'Sudah dinilai',
  } as Record<string, string>,
  open: 'Buka',
  openCase: (title: string) => `Buka studi kasus: ${title}`,
  score: 'Nilai',
  progress: (submitted: number, total: number) => `${submitted} dari ${total} studi kasus dikumpulkan`,
  story: 'Kasus',
  values: 'Nilai dasar',
  questions: 'Pertanyaan pemandu',
  answerLabel: (n: number) => `Jawaban pertanyaan ${n}`,
  words: (n: number) => `${n} kata`,
  questionUnsent: 'belum terkirim',
  saving: 'Menyimpan…',
  saved: 'Semua jawaban tersimpan',
  savedIdle: 'Jawaban tersimpan otomatis saat Anda mengetik.',
  offline: (n: number) =>
    `Belum terkirim: ${n} jawaban disimpan di perangkat ini dan dikirim saat koneksi kembali.`,
  failed: (n: number) => `Gagal mengirim ${n} jawaban. Mencoba lagi…`,
  retryNow: 'Kirim sekarang',
  fromDevice: 'Luring: menampilkan salinan di perangkat ini. Perubahan dikirim saat koneksi kembali.',
  submit: 'Kumpulkan jawaban',
  resubmit: 'Kumpulkan revisi',
  confirmTitle: 'Kumpulkan jawaban studi kasus ini?',
  confirmBody:
    'Setelah dikumpulkan, jawaban tidak dapat diubah kecuali fasilitator mengembalikannya untuk revisi.',
  confirmBlank: (numbers: number[]) =>
    `Pertanyaan ${numbers.join(', ')} belum dijawab. Jawab semua pertanyaan sebelum mengumpulkan.`,
  confirmYes: 'Ya, kumpulkan',
  cancel: 'Batal',
  submittedAt: (when: string) => `Dikumpulkan ${when}.`,
  waiting: 'Menunggu penilaian fasilitator. Nilai dan umpan balik tampil di sini setelah dirilis.',
  returned: 'Fasilitator mengembalikan jawaban Anda untuk revisi.',
  returnNote: 'Catatan fasilitator',
  grade: 'Penilaian',
  gradeScore: (score: string) => `Nilai ${score} dari 100`,
  weight: (w: number) => `bobot ${w}`,
  levelOf: (n: number) => `Tingkat ${n} dari 4`,
  feedback: 'Umpan balik fasilitator',
  noFeedback: 'Fasilitator tidak menulis umpan balik.',
  rubric: 'Rubrik penilaian',
  rubricHint: 'Kriteria yang dipakai fasilitator, dari tingkat 1 (terendah) sampai 4 (tertinggi).',
  yourAnswers: 'Jawaban Anda',
  errors: {
    OFFLINE:
      'Server tidak dapat dihubungi dan belum ada salinan kasus ini di perangkat. Periksa koneksi lalu coba lagi.',
    AUTH_REQUIRED:
      'Sesi Anda berakhir. Masuk lagi untuk melanjutkan; jawaban yang belum terkirim tetap tersimpan di perangkat ini.',
    NOT_FOUND: 'Studi kasus ini tidak ditemukan.',
    FORBIDDEN: 'Hanya peserta angkatan yang mengerjakan studi kasus.',
    NO_COHORT:
      'Anda belum terdaftar sebagai peserta angkatan. Masuk dengan akun peserta untuk mengerjakan studi kasus.',
    EMPTY_ANSWER: 'Jawab semua pertanyaan sebelum mengumpulkan.',
    VALIDATION_FAILED: 'Jawab semua pertanyaan sebelum mengumpulkan.',
    CASE_SUBMITTED: 'Jawaban ini sudah dikumpulkan.',
    RESULTS_FROZEN: 'Angkatan sudah ditutup; jawaban tidak dapat diubah lagi.',
    UNKNOWN: 'Terjadi kesalahan. Coba lagi.',
  } as Record<string, string>,
  tryAgain: 'Coba lagi',
};

export type CaseMessages = typeof id;

const en: CaseMessages = {
  title: 'Case studies',
  intro:
    'Read each case, then answer its guiding questions in your own words. Answers are saved as you type; once submitted, the facilitator grades them with the rubric shown on the case.',
  backHome: 'Back to home',
  backList: 'All case studies',
  loading: 'Loading…',
  empty: 'This course has no case studies.',
  status: {
    draft: 'Not submitted',
    submitted: 'Submitted, awaiting grading',
    returned: 'Returned for revision',
    graded: 'Graded',
  },
  open: 'Open',
  openCase: (title) => `Open case study: ${title}`,
  score: 'Score',
  progress: (submitted, total) => `${submitted} of ${total} case studies submitted`,
  story: 'Case',
  values: 'Core values',
  questions: 'Guiding questions',
  answerLabel: (n) => `Answer to question ${n}`,
  words: (n) => `${n} ${n === 1 ? 'word' : 'words'}`,
  questionUnsent: 'not sent yet',
  saving: 'Saving…',
  saved: 'All answers saved',
  savedIdle: 'Answers are saved as you type.',
  offline: (n) => `Not sent yet: ${n} answers kept on this device and sent when the connection returns.`,
  failed: (n) => `Could not send ${n} answers. Retrying…`,
  retryNow: 'Send now',
  fromDevice: 'Offline: showing the copy on this device. Changes are sent when the connection returns.',
  submit: 'Submit answers',
  resubmit: 'Submit revision',
  confirmTitle: 'Submit your answers to this case?',
  confirmBody: 'Once submitted, answers cannot be changed unless the facilitator returns them for revision.',
  confirmBlank: (numbers) =>
    `Question ${numbers.join(', ')} is not answered. Answer every question before submitting.`,
  confirmYes: 'Yes, submit',
  cancel: 'Cancel',
  submittedAt: (when) => `Submitted ${when}.`,
  waiting: 'Awaiting the facilitator. The grade and feedback appear here once released.',
  returned: 'The facilitator returned your answers for revision.',
  returnNote: "Facilitator's note",
  grade: 'Grade',
  gradeScore: (score) => `Score ${score} of 100`,
  weight: (w) => `weight ${w}`,
  levelOf: (n) => `Level ${n} of 4`,
  feedback: "Facilitator's feedback",
  noFeedback: 'The facilitator wrote no feedback.',
  rubric: 'Grading rubric',
  rubricHint: 'The criteria the facilitator uses, from level 1 (lowest) to 4 (highest).',
  yourAnswers: 'Your answers',
  errors: {
    OFFLINE:
      'The server cannot be reached and this device has no copy of this case yet. Check the connection and try again.',
    AUTH_REQUIRED: 'Your session ended. Sign in again to continue; unsent answers stay on this device.',
    NOT_FOUND: 'This case study was not found.',
    FORBIDDEN: 'Only participants of the cohort write case studies.',
    NO_COHORT:
      'You are not a participant of a cohort. Sign in with a participant account to write case studies.',
    EMPTY_ANSWER: 'Answer every question before submitting.',
    VALIDATION_FAILED: 'Answer every question before submitting.',
    CASE_SUBMITTED: 'These answers are already submitted.',
    RESULTS_FROZEN: 'The cohort is closed; answers can no longer change.',
    UNKNOWN: 'Something went wrong. Try again.',
  },
  tryAgain: 'Try again',
};

export function caseMessages(lang: string): CaseMessages {
  return lang === 'en' ? en : id;
}

export function caseErrorText(m: CaseMessages, code: string | undefined): string {
  return m.errors[code ?? 'UNKNOWN'] ?? m.errors.UNKNOWN ?? '';
}

/** a score as people write it: `87,5` in Indonesian, `87.5` in English */
export function formatScore(score: number, lang: string): string {
  return score.toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 2 });
}

export function formatDateTime(iso: string, lang: string): string {
  return new Date(iso).toLocaleString(lang === 'en' ? 'en-GB' : 'id-ID', {
    dateStyle: 'long',
    timeStyle: 'short',
    timeZone: 'Asia/Jakarta',
  });
}

/** what a case's list entry says: graded once a score is released, else its status */
export function caseState(mine: {
  status: string;
  score: number | null;
}): 'draft' | 'submitted' | 'returned' | 'graded' {
  if (mine.score !== null && mine.status === 'submitted') return 'graded';
  return mine.status === 'submitted' || mine.status === 'returned' ? mine.status : 'draft';
}
