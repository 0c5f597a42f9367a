// Bahasa Indonesia: the staff app's first language. en.ts must provide the same keys (checked by its type).

import { evalId } from './eval-id.ts';

export const id = {
  langName: 'Bahasa Indonesia',
  product: 'Lentera',
  appName: 'Ruang Staf',
  skipToContent: 'Langsung ke isi',
  mainNav: 'Navigasi utama',
  language: 'Bahasa',
  loading: 'Memuat…',
  retry: 'Coba lagi',
  saving: 'Menyimpan…',
  saved: 'Tersimpan',
  cancel: 'Batal',
  close: 'Tutup',
  copy: 'Salin',
  copied: 'Tersalin',
  copyFailed: 'Tidak dapat menyalin otomatis. Pilih teksnya lalu salin secara manual.',
  required: 'wajib diisi',
  optional: 'opsional',
  none: '—',
  backToCohorts: 'Kembali ke daftar angkatan',
  notFound: 'Halaman tidak ditemukan',
  notFoundHelp: 'Alamat ini tidak ada di Ruang Staf. Periksa tautannya, atau buka daftar angkatan.',
  offline: 'Perangkat sedang luring. Perubahan belum dapat dikirim; sambungkan internet lalu coba lagi.',

  // session
  logIn: 'Masuk',
  logOut: 'Keluar',
  loggedInAs: (name: string) => `Masuk sebagai ${name}`,
  loginTitle: 'Masuk ke Ruang Staf',
  loginIntro: 'Untuk fasilitator, mentor, atasan, dan admin pelatihan.',
  loginField: 'Email atau NIP',
  loginHint: 'NIP 18 angka tanpa spasi, atau alamat email akun Anda.',
  password: 'Kata sandi',
  showPassword: 'Tampilkan kata sandi',
  loggingIn: 'Sedang masuk…',
  loginMissing: 'Isi email atau NIP, dan kata sandi Anda.',
  loginFailed: 'Email/NIP atau kata sandi salah. Periksa kembali lalu coba lagi.',
  loginThrottled: (minutes: number) =>
    `Terlalu banyak percobaan masuk yang gagal. Demi keamanan, tunggu ${minutes} menit lalu coba lagi. Jika lupa kata sandi, minta admin membuatkan tautan atur ulang kata sandi.`,
  forgotPassword:
    'Lupa kata sandi? Hubungi admin pelatihan untuk mendapatkan tautan atur ulang sekali pakai.',
  sessionEnded: 'Sesi Anda berakhir. Silakan masuk lagi untuk melanjutkan.',
  learnerOnlyTitle: 'Akun ini akun peserta',
  learnerOnlyText:
    'Ruang Staf hanya untuk fasilitator, mentor, atasan, dan admin. Anda sudah masuk, jadi kemajuan belajar Anda tersimpan di akun ini.',
  openCourse: 'Buka kursus',

  // first-run setup
  setupTitle: 'Penyiapan pertama Lentera',
  setupIntro:
    'Buat akun admin pertama. Admin mengelola angkatan, akun, dan peserta. Tautan ini hanya dapat dipakai sekali.',
  setupChecking: 'Memeriksa tautan penyiapan…',
  setupDone: 'Penyiapan sudah selesai',
  setupDoneText: 'Lentera sudah memiliki admin. Masuk dengan akun admin Anda.',
  setupLinkInvalid: 'Tautan penyiapan tidak berlaku',
  setupLinkInvalidText:
    'Tautan ini sudah dipakai, kedaluwarsa, atau tidak lengkap. Jalankan ulang server (npm start): server mencetak tautan penyiapan baru selama belum ada admin.',
  name: 'Nama lengkap',
  email: 'Email',
  nip: 'NIP',
  nipHint: '18 angka, tanpa spasi.',
  instansi: 'Instansi',
  jabatan: 'Jabatan',
  newPassword: 'Kata sandi baru',
  passwordHint:
    'Minimal 10 karakter. Kalimat pendek yang mudah Anda ingat lebih aman daripada kata acak yang pendek.',
  confirmPassword: 'Ulangi kata sandi',
  passwordTooShort: 'Kata sandi minimal 10 karakter.',
  passwordMismatch: 'Kedua kata sandi tidak sama. Ketik ulang kata sandi yang sama.',
  createAdmin: 'Buat akun admin',

  // password reset
  resetTitle: 'Atur kata sandi baru',
  resetIntro: 'Tautan ini sekali pakai. Setelah kata sandi tersimpan, semua sesi lain akun ini diakhiri.',
  resetChecking: 'Memeriksa tautan…',
  resetInvalid: 'Tautan atur ulang tidak berlaku',
  resetInvalidText:
    'Tautan ini sudah dipakai, kedaluwarsa (berlaku 24 jam), atau tidak lengkap. Minta admin pelatihan membuat tautan baru.',
  savePassword: 'Simpan kata sandi',
  resetSaved: 'Kata sandi tersimpan dan Anda sudah masuk.',

  // errors
  errorTitle: 'Terjadi kendala',
  networkError: 'Server tidak dapat dihubungi. Periksa sambungan internet lalu coba lagi.',
  serverError:
    'Server mengalami gangguan. Coba lagi beberapa saat lagi; jika berulang, hubungi admin sistem.',
  forbidden: 'Peran Anda tidak mengizinkan tindakan ini. Minta admin pelatihan jika Anda memerlukannya.',
  notFoundError: 'Data ini tidak ditemukan, atau Anda tidak terdaftar di angkatan ini.',
  csrfRejected:
    'Permintaan ditolak karena tidak berasal dari halaman Lentera. Muat ulang halaman lalu coba lagi.',
  validationFailed: 'Ada isian yang belum sesuai. Periksa kolom yang ditandai.',
  emailTaken: 'Email ini sudah dipakai akun lain.',
  nipTaken: 'NIP ini sudah dipakai akun lain.',
  courseUnknown: 'Versi kursus ini tidak terpasang di server. Pilih versi lain.',
  roleConflict: 'Orang ini belum memegang peran yang diperlukan di angkatan ini.',
  tooLarge: 'Berkas terlalu besar (maksimum 5 MB). Pecah menjadi beberapa berkas.',
  unsupportedType: 'Jenis berkas tidak didukung. Gunakan CSV atau XLSX.',
  tokenInvalid: 'Tautan ini sudah dipakai atau kedaluwarsa.',
  setupAlreadyDone: 'Penyiapan sudah selesai: admin sudah ada.',
  fieldErrors: 'Periksa isian berikut:',

  // cohorts list
  cohorts: 'Angkatan',
  cohortsTitle: 'Angkatan pelatihan',
  cohortsIntroAdmin: 'Semua angkatan di Lentera. Buka angkatan untuk melihat kemajuan peserta.',
  cohortsIntroStaff: 'Angkatan tempat Anda bertugas.',
  cohortsEmptyAdmin:
    'Belum ada angkatan. Buat angkatan pertama, lalu impor peserta dari berkas CSV atau XLSX.',
  cohortsEmptyStaff:
    'Anda belum ditugaskan di angkatan mana pun. Minta admin pelatihan menambahkan Anda sebagai fasilitator, mentor, atasan.',
  cohortsError: 'Daftar angkatan belum dapat dimuat.',
  newCohort: 'Buat angkatan',
  participantsCount: (n: number) => `${n} peserta`,
  period: (from: string, to: string) => `${from} – ${to}`,
  status: { upcoming: 'Belum dibuka', open: 'Berjalan', closed: 'Selesai' },
  yourRoles: 'Peran Anda',
  joinCode: 'Kode bergabung',
  copyJoinCode: (code: string) => `Salin kode bergabung ${code}`,

  // create cohort
  newCohortTitle: 'Buat angkatan baru',
  newCohortIntro:
    'Angkatan adalah satu kelas pelatihan dengan satu versi kursus dan jadwal. Kode bergabung dibuat otomatis.',
  course: 'Kursus',
  courseVersion: (title: string, version: string) => `${title} (versi ${version})`,
  chooseCourse: 'Pilih kursus',
  noCourses: 'Belum ada kursus yang terpasang di server. Pasang kursus lalu muat ulang halaman ini.',
  cohortName: 'Nama angkatan',
  cohortNameHint: 'Contoh: Latsar CPNS Angkatan III 2025',
  opensOn: 'Tanggal dibuka',
  closesOn: 'Tanggal ditutup',
  datesHint: 'Peserta dapat bergabung dengan kode selama angkatan dibuka.',
  createCohort: 'Buat angkatan',
  creating: 'Membuat…',
  nameRequired: 'Isi nama angkatan.',
  courseRequired: 'Pilih kursus.',
  dateRequired: 'Isi tanggal.',
  closesBeforeOpens: 'Tanggal ditutup tidak boleh sebelum tanggal dibuka.',
  cohortCreated:
    'Angkatan dibuat. Bagikan kode bergabung ini kepada peserta, atau impor peserta dari berkas.',

  // cohort page
  cohortTabs: 'Bagian angkatan',
  tabProgress: 'Kemajuan',
  tabMembers: 'Anggota',
  tabImport: 'Impor peserta',
  tabAssignments: 'Mentor dan atasan',
  cohortError: 'Angkatan ini belum dapat dimuat.',
  newJoinCode: 'Ganti kode',
  newJoinCodeDone: 'Kode bergabung baru dibuat. Kode lama tidak berlaku lagi.',

  // progress
  progressTitle: 'Kemajuan peserta',
  progressIntro:
    'Halaman yang sudah dipelajari dari jumlah halaman tiap materi. Klik judul kolom untuk mengurutkan.',
  progressCaption: (cohort: string) => `Kemajuan peserta angkatan ${cohort}, per materi`,
  progressEmpty:
    'Belum ada peserta di angkatan ini. Impor peserta dari berkas CSV/XLSX atau bagikan kode bergabung.',
  progressEmptyRater: 'Belum ada peserta yang ditugaskan kepada Anda.',
  progressError: 'Data kemajuan belum dapat dimuat.',
  participant: 'Peserta',
  total: 'Total',
  lastActivity: 'Aktivitas terakhir',
  never: 'Belum mulai',
  pagesOf: (done: number, total: number) => `${done}/${total}`,
  pagesOfLong: (done: number, total: number) => `${done} dari ${total} halaman`,
  sortBy: (column: string) => `Urutkan menurut ${column}`,
  sortedAsc: 'urut naik',
  sortedDesc: 'urut turun',
  filter: 'Cari peserta',
  filterHint: 'Nama, NIP, atau instansi',
  filterEmpty: (q: string) => `Tidak ada peserta yang cocok dengan “${q}”. Hapus atau ubah kata pencarian.`,
  shown: (shown: number, total: number) =>
    shown === total ? `${total} peserta` : `${shown} dari ${total} peserta`,
  complete: 'Selesai',
  refresh: 'Muat ulang',
  updatedAt: (time: string) => `Diperbarui ${time}`,

  // members
  membersTitle: 'Anggota angkatan',
  roles: { peserta: 'Peserta', fasilitator: 'Fasilitator', mentor: 'Mentor', atasan: 'Atasan' },
  rolePlural: { peserta: 'Peserta', fasilitator: 'Fasilitator', mentor: 'Mentor', atasan: 'Atasan' },
  roleEmpty: {
    peserta: 'Belum ada peserta. Impor dari berkas di bagian Impor peserta.',
    fasilitator: 'Belum ada fasilitator. Admin dapat menambahkannya di bawah.',
    mentor: 'Belum ada mentor. Tambahkan akun mentor di bawah.',
    atasan: 'Belum ada atasan. Tambahkan akun atasan di bawah.',
  },
  membersError: 'Daftar anggota belum dapat dimuat.',
  addMember: 'Tambahkan anggota',
  addMemberIntro: 'Akun harus sudah ada. Admin membuat akun baru di halaman Akun.',
  memberLogin: 'Email atau NIP akun',
  role: 'Peran',
  add: 'Tambahkan',
  memberAdded: (name: string, role: string) => `${name} ditambahkan sebagai ${role}.`,
  memberExists: (name: string, role: string) => `${name} sudah menjadi ${role} di angkatan ini.`,
  memberNotFound:
    'Tidak ada akun dengan email atau NIP itu. Periksa ketikannya, atau minta admin membuat akunnya.',
  resetLink: 'Tautan kata sandi',
  resetLinkFor: (name: string) => `Buat tautan atur ulang kata sandi untuk ${name}`,
  resetLinkIssued: (name: string) => `Tautan sekali pakai untuk ${name}`,
  resetLinkHelp: (until: string) =>
    `Kirim tautan ini hanya kepada pemilik akun melalui saluran resmi. Berlaku sampai ${until} dan hanya sekali pakai.`,

  // import
  importTitle: 'Impor peserta dari berkas',
  importIntro:
    'Berkas CSV atau XLSX dengan baris judul: NIP, Nama, Email, Instansi, Jabatan. Setiap baris memerlukan nama serta NIP atau email. Mengimpor berkas yang sama dua kali tidak membuat peserta ganda.',
  importFile: 'Berkas peserta (CSV atau XLSX)',
  importFileHint: 'Format kolom NIP sebagai Teks di spreadsheet agar 18 angkanya tidak terpotong.',
  checkFile: 'Periksa berkas',
  checking: 'Memeriksa…',
  importNow: (n: number) => `Impor ${n} peserta`,
  importing: 'Mengimpor…',
  importNothing: 'Tidak ada baris yang dapat diimpor. Perbaiki baris yang ditolak lalu periksa lagi.',
  chooseFileFirst: 'Pilih berkas CSV atau XLSX terlebih dahulu.',
  wrongFileType: (name: string) =>
    `“${name}” bukan berkas CSV atau XLSX. Simpan ulang sebagai CSV atau XLSX.`,
  reportTitle: 'Laporan impor',
  reportPreview: 'Hasil pemeriksaan (belum disimpan)',
  reportDone: 'Hasil impor (tersimpan)',
  reportFile: (name: string) => `Berkas: ${name}`,
  reportRows: 'Baris data dibaca',
  reportAccepted: 'Baris diterima',
  reportCreated: 'Akun baru',
  reportEnrolled: 'Peserta baru di angkatan',
  reportUnchanged: 'Sudah terdaftar (tidak diubah)',
  reportRejected: 'Baris ditolak',
  reportPreviewNote:
    'Belum ada yang disimpan. Baris yang ditolak tidak akan diimpor; perbaiki di berkas lalu periksa lagi, atau impor baris yang diterima sekarang.',
  reportDoneNote:
    'Baris yang diterima sudah tersimpan. Perbaiki baris yang ditolak di berkas, lalu impor lagi: peserta yang sudah ada tidak akan digandakan.',
  reportAllGood: 'Semua baris diterima.',
  rejectedCaption: 'Baris yang ditolak, dengan alasannya',
  row: 'Baris',
  column: 'Kolom',
  reason: 'Alasan',
  columns: {
    nip: 'NIP',
    nama: 'Nama',
    email: 'Email',
    instansi: 'Instansi',
    jabatan: 'Jabatan',
    file: 'Berkas',
  },
  importAgain: 'Impor berkas lain',
  newAccountsNote:
    'Akun baru belum memiliki kata sandi. Buat tautan atur ulang kata sandi untuk tiap peserta di bagian Anggota, atau minta peserta mendaftar dengan kode bergabung.',

  // assignments
  assignTitle: 'Mentor dan atasan peserta',
  assignIntro:
    'Setiap peserta dapat memiliki satu mentor dan satu atasan, yang menilai perilakunya. Perubahan tersimpan langsung.',
  assignNoRaters:
    'Belum ada mentor atau atasan di angkatan ini. Tambahkan akun mereka dengan peran Mentor atau Atasan di bagian Anggota.',
  assignNoParticipants: 'Belum ada peserta. Impor peserta terlebih dahulu.',
  assignCaption: 'Penugasan mentor dan atasan per peserta',
  mentor: 'Mentor',
  atasan: 'Atasan',
  notAssigned: 'Belum ditentukan',
  assignFor: (role: string, name: string) => `${role} untuk ${name}`,
  assignSaved: (name: string) => `Penugasan ${name} tersimpan.`,
  assignFailed: (name: string) => `Penugasan ${name} belum tersimpan.`,

  // users (admin)
  users: 'Akun',
  usersTitle: 'Akun pengguna',
  usersIntro: 'Cari akun untuk membuat tautan atur ulang kata sandi, atau buat akun staf baru.',
  search: 'Cari',
  searchUsers: 'Nama, email, atau NIP',
  usersEmpty: (q: string) => `Tidak ada akun yang cocok dengan “${q}”.`,
  usersNone: 'Belum ada akun selain Anda.',
  usersError: 'Daftar akun belum dapat dimuat.',
  admin: 'Admin',
  newUser: 'Buat akun',
  newUserIntro:
    'Untuk fasilitator, mentor, atau atasan. Akun baru belum memiliki kata sandi: buat tautan atur ulang lalu kirim kepada pemiliknya.',
  makeAdmin: 'Jadikan admin',
  userCreated: (name: string) => `Akun ${name} dibuat.`,
  account: 'Akun',
  actions: 'Tindakan',

  // evaluation screens (eval-id.ts)
  ev: evalId,
};

export type Messages = typeof id;
