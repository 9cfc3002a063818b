/** Login: username and password → access token in sessionStorage. */
import { api, session } from '../api.js';
import { h, replace } from '../dom.js';
import { clearErrors, field, form, showErrors, values } from '../forms.js';
import { busy, notice } from '../ui.js';

export function renderLogin(main, { flash, onLoggedIn }) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Masuk');
  const loginForm = form(
    {
      label: 'Masuk',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          const { username, password } = values(el);
          const missing = [];
          if (!username) missing.push({ field: 'username', messages: ['Nama pengguna wajib diisi.'] });
          if (!password) missing.push({ field: 'password', messages: ['Kata sandi wajib diisi.'] });
          if (missing.length) return showErrors(el, { message: 'Lengkapi isian yang ditandai.', details: missing });
          try {
            const { accessToken } = await api('/api/v1/auth/login', { method: 'POST', json: { username, password } });
            session.save(accessToken);
            await onLoggedIn();
          } catch (err) {
            // a wrong name or password: the API's message alone, once (QA: "Periksa isian yang ditandai di bawah." stood above it)
            showErrors(el, err.status === 401 ? { message: err.message } : err);
          }
        }),
    },
    field({ label: 'Nama pengguna', name: 'username', required: true, attrs: { autocomplete: 'username', autocapitalize: 'none', spellcheck: 'false' } }),
    field({ label: 'Kata sandi', name: 'password', type: 'password', required: true, attrs: { autocomplete: 'current-password' } }),
    h('div', { class: 'actions' }, submit),
  );
  replace(
    main,
    h(
      'div',
      { class: 'login' },
      h('h1', { tabindex: '-1', text: 'Masuk ke Konsol Jamkesda' }),
      h('p', { class: 'lead', text: 'Rekonsiliasi pendanaan iuran BPJS Kesehatan, Kabupaten Bengkulu Utara.' }),
      flash ? notice('info', flash) : null,
      loginForm,
    ),
  );
  main.querySelector('input[name="username"]').focus();
}
