// First-run setup and password reset: the one-time token travels in the URL fragment, which is never
// sent to a server or kept in a Referer, and is posted once with the form.
const form = document.getElementById('account-form');
const message = document.getElementById('account-message');
const token = location.hash.slice(1);
const mode = form.dataset.mode;
const MESSAGES = {
  TOKEN_INVALID:
    'Tautan ini tidak berlaku: sudah dipakai atau kedaluwarsa. Minta tautan baru kepada administrator.',
  SETUP_DONE: 'Administrator sudah ada. Silakan masuk.',
  EMAIL_TAKEN: 'Email ini sudah dipakai akun lain.',
  VALIDATION_FAILED: 'Periksa kembali isian Anda.',
};
const say = (text, ok = false) => {
  message.textContent = text;
  message.classList.toggle('ok', ok);
};
if (!token) say('Tautan tidak lengkap: salin seluruh tautan, termasuk bagian setelah tanda #.');
history.replaceState(null, '', location.pathname);
form.addEventListener('submit', async (event) => {
  event.preventDefault();
  const data = Object.fromEntries(new FormData(form));
  if (String(data.password).length < 10) return say('Kata sandi minimal 10 karakter.');
  if (data.password !== data.confirm) return say('Kedua kata sandi tidak sama.');
  delete data.confirm;
  const button = form.querySelector('button');
  button.disabled = true;
  try {
    const response = await fetch(mode === 'setup' ? '/api/v1/setup' : '/api/v1/auth/password-reset', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...data, token }),
    });
    if (response.ok) {
      say('Berhasil. Anda sudah masuk.', true);
      form.querySelectorAll('input').forEach((input) => {
        input.value = '';
      });
      setTimeout(() => location.assign('/'), 1200);
      return;
    }
    const body = await response.json().catch(() => ({}));
    say(MESSAGES[body.code] ?? body.message ?? `Gagal (${response.status}).`);
  } catch {
    say('Tidak ada sambungan ke server. Coba lagi.');
  } finally {
    button.disabled = false;
  }
});
