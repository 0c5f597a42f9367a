// The words of the feedback screen, Indonesian first; one type for both languages.

const id = {
  title: 'Umpan balik',
  backHome: 'Kembali ke beranda',
  loading: 'Memuat…',
  required: 'wajib',
  optional: 'tidak wajib',
  requiredNote: 'Pertanyaan bertanda wajib harus dijawab. Umpan balik hanya dapat dikirim satu kali.',
  anonymous:
    'Fasilitator hanya melihat rangkuman: rata-rata per pertanyaan dan jawaban terbuka tanpa nama, setelah sedikitnya 3 peserta mengisi.',
  scaleOption: (n: number, label: string) => `${n}. ${label}`,
  characters: (n: number, max: number) => `${n} dari ${max} karakter`,
  send: 'Kirim umpan balik',
  sending: 'Mengirim…',
  missingTitle: (n: number) => `${n} pertanyaan wajib belum dijawab`,
  missingItem: (section: string, n: number) => `${section}, pertanyaan ${n}`,
  thanksTitle: 'Terima kasih, umpan balik Anda sudah terkirim',
  thanks:
    'Jawaban Anda membantu penyelenggara memperbaiki modul dan pelatihan berikutnya. Umpan balik tidak memengaruhi nilai Anda.',
  done: 'Sudah diisi',
  doneAt: (when: string) => `Anda mengisi umpan balik pada ${when}.`,
  errors: {
    OFFLINE:
      'Server tidak dapat dihubungi. Jawaban Anda masih ada di layar; periksa koneksi lalu kirim lagi.',
    AUTH_REQUIRED: 'Sesi Anda berakhir. Masuk lagi untuk mengisi umpan balik.',
    FEEDBACK_UNAVAILABLE: 'Mata pelatihan ini tidak memiliki formulir umpan balik.',
    FORBIDDEN: 'Umpan balik diisi oleh peserta angkatan.',
    NO_COHORT:
      'Anda belum terdaftar sebagai peserta angkatan. Masuk dengan akun peserta untuk mengisi umpan balik.',
    VALIDATION_FAILED: 'Beberapa jawaban belum sesuai. Periksa pertanyaan yang ditandai.',
    NOT_FOUND: 'Angkatan tidak ditemukan.',
    UNKNOWN: 'Terjadi kesalahan. Coba lagi.',
  } as Record<string, string>,
  tryAgain: 'Coba lagi',
  notAnswered: 'Pertanyaan ini wajib dijawab.',
};

export type FeedbackMessages = typeof id;

const en: FeedbackMessages = {
  title: 'Feedback',
  backHome: 'Back to home',
  loading: 'Loading…',
  required: 'required',
  optional: 'optional',
  requiredNote: 'Questions marked required must be answered. Feedback can be sent once only.',
  anonymous:
    'The facilitator sees only a summary: the mean per question and open answers without names, once at least 3 participants have answered.',
  scaleOption: (n, label) => `${n}. ${label}`,
  characters: (n, max) => `${n} of ${max} characters`,
  send: 'Send feedback',
  sending: 'Sending…',
  missingTitle: (n) => `${n} required ${n === 1 ? 'question is' : 'questions are'} not answered`,
  missingItem: (section, n) => `${section}, question ${n}`,
  thanksTitle: 'Thank you, your feedback has been sent',
  thanks:
    'Your answers help the organisers improve the module and the next training. Feedback does not affect your grade.',
  done: 'Already given',
  doneAt: (when) => `You gave your feedback on ${when}.`,
  errors: {
    OFFLINE:
      'The server cannot be reached. Your answers are still on screen; check the connection and send again.',
    AUTH_REQUIRED: 'Your session ended. Sign in again to give feedback.',
    FEEDBACK_UNAVAILABLE: 'This course has no feedback form.',
    FORBIDDEN: 'Feedback is given by participants of the cohort.',
    NO_COHORT: 'You are not a participant of a cohort. Sign in with a participant account to give feedback.',
    VALIDATION_FAILED: 'Some answers need attention. Check the marked questions.',
    NOT_FOUND: 'Cohort not found.',
    UNKNOWN: 'Something went wrong. Try again.',
  },
  tryAgain: 'Try again',
  notAnswered: 'This question needs an answer.',
};

export function feedbackMessages(lang: string): FeedbackMessages {
  return lang === 'en' ? en : id;
}

export function feedbackErrorText(m: FeedbackMessages, code: string | undefined): string {
  return m.errors[code ?? 'UNKNOWN'] ?? m.errors.UNKNOWN ?? '';
}
