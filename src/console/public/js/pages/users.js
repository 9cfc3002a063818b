/**
 * ADMIN: the users, a form to add one (role and an initial password of at least 12 characters), and
 * per user **Kelola**: change the role, set a new password, deactivate (asked twice) or activate again
 * (`pages/user-editor.js`). AUDITOR: the list only (who holds which role), read-only.
 */
import { api, session } from '../api.js';
import { h, replace } from '../dom.js';
import { dateTimeLabel, label, ROLE_LABELS } from '../format.js';
import { clearErrors, field, form, showErrors, values, withFormProblems } from '../forms.js';
import { announce, badge, busy, dataTable, errorNotice, focusResult, loading, notice, pageHeader, section } from '../ui.js';
import { userEditor } from './user-editor.js';

export async function render(main, ctx) {
  const list = h('div');
  const editor = h('div', { 'aria-live': 'polite' });
  const out = h('div', { 'aria-live': 'polite' });
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Tambah pengguna');
  const createForm = form(
    {
      label: 'Pengguna baru',
      onsubmit: (_e, el) =>
        busy(submit, async () => {
          clearErrors(el);
          replace(out);
          const v = values(el);
          // no role chosen: said beside Peran, with the API's word on the other fields (sent without a role, it refuses)
          const problems = v.role ? [] : [{ field: 'role', messages: ['Peran wajib dipilih.'] }];
          try {
            const user = await api('/api/v1/users', { method: 'POST', json: { username: v.username, password: v.password, role: v.role || undefined } });
            replace(out, notice('success', `Pengguna ${user.username} (${label(ROLE_LABELS, user.role)}) dibuat.`));
            announce('Pengguna dibuat.');
            focusResult(out.firstElementChild, el); // not left on the page's body by the disabled button (QA)
            el.reset();
            await loadList(list, ctx, edit);
          } catch (err) {
            showErrors(el, withFormProblems(problems, err));
          }
        }),
    },
    h(
      'div',
      { class: 'form-grid' },
      field({ label: 'Nama pengguna', name: 'username', required: true, hint: '3–40 huruf kecil, angka, titik, garis bawah atau tanda hubung', attrs: { autocomplete: 'off', autocapitalize: 'none' } }),
      field({ label: 'Kata sandi awal', name: 'password', type: 'password', required: true, hint: 'Minimal 12 karakter', attrs: { autocomplete: 'new-password' } }),
      field({ label: 'Peran', name: 'role', required: true, options: [{ value: '', label: '— pilih peran —' }, ...Object.entries(ROLE_LABELS).map(([value, text]) => ({ value, label: text }))], value: '' }),
    ),
    h('div', { class: 'actions' }, submit),
    out,
  );

  /** Opens the editor of `user`, with `saved` (what the last change did) above it. */
  function edit(user, saved) {
    replace(
      editor,
      saved ? notice('success', saved) : null,
      userEditor(user, ctx.user, {
        onSaved: async (text) => {
          announce(text);
          const users = await loadList(list, ctx, edit);
          const now = users?.find((u) => u.id === user.id);
          if (now) edit(now, text);
          else replace(editor, notice('success', text));
        },
        onSignedOut: (text) => {
          session.clear();
          sessionStorage.setItem('jamkesda.notice', text);
          ctx.navigate('/masuk');
        },
      }),
    );
    editor.querySelector('h3').focus();
  }

  const manages = ctx.user.role === 'ADMIN';
  replace(
    main,
    pageHeader('Pengguna', `Akun petugas dan perannya. Peran menentukan halaman yang terlihat.${manages ? '' : ' Hanya baca: akun diatur oleh admin.'}`),
    manages ? section('Pengguna baru', createForm) : null,
    section('Daftar pengguna', list, editor),
  );
  await loadList(list, ctx, manages ? edit : null);
}

/** Lists the users (each with Kelola, which calls `edit`, unless `edit` is null: read-only); resolves to them, or nothing when the list failed. */
async function loadList(container, ctx, edit) {
  replace(container, loading());
  try {
    const users = await api('/api/v1/users', { signal: ctx.signal });
    replace(
      container,
      dataTable({
        caption: `${users.length} pengguna`,
        columns: [
          { label: 'Nama pengguna', value: (u) => (u.id === ctx.user.id ? `${u.username} (Anda)` : u.username) },
          { label: 'Peran', value: (u) => label(ROLE_LABELS, u.role) },
          { label: 'Status', render: (u) => (u.active === false ? badge('Nonaktif', 'bad') : badge('Aktif', 'ok')) },
          { label: 'Dibuat', value: (u) => dateTimeLabel(u.createdAt) },
          ...(edit ? [{ label: 'Tindakan', render: (u) => h('button', { type: 'button', class: 'btn btn--ghost btn--small', 'aria-label': `Kelola ${u.username}`, onclick: () => edit(u) }, 'Kelola') }] : []),
        ],
        rows: users,
      }),
    );
    return users;
  } catch (err) {
    if (err?.name === 'AbortError') return undefined;
    replace(container, errorNotice(err));
    return undefined;
  }
}
