/**
 * ADMIN: one user's role, password and active flag, each changed on its own through
 * `PATCH /api/v1/users/:id`. The server's refusals (a password under 12 characters, the last active
 * admin demoting or deactivating itself) are shown beside the field or under the button, as it says them.
 */
import { api } from '../api.js';
import { h } from '../dom.js';
import { label, ROLE_LABELS } from '../format.js';
import { clearErrors, field, form, showErrors, values } from '../forms.js';
import { busy, confirmStep, errorNotice } from '../ui.js';

const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, text]) => ({ value, label: text }));

/**
 * The editor of `target` for the signed-in `me`. `onSaved(text)` reloads the list and says what changed;
 * `onSignedOut(text)` ends the admin's own session (their new password ends every session of the old one).
 */
export function userEditor(target, me, { onSaved, onSignedOut }) {
  const self = target.id === me.id;
  const name = target.username;
  const patch = (json) => api(`/api/v1/users/${encodeURIComponent(target.id)}`, { method: 'PATCH', json });

  const roleSubmit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Simpan peran');
  const roleForm = form(
    {
      label: `Peran ${name}`,
      onsubmit: (_e, el) =>
        busy(roleSubmit, async () => {
          const { role } = values(el);
          if (role === target.role) return showErrors(el, { message: 'Peran tidak berubah.', details: [{ field: 'role', messages: [`${name} sudah berperan ${label(ROLE_LABELS, role)}.`] }] });
          try {
            const saved = await patch({ role });
            await onSaved(`Peran ${name} sekarang ${label(ROLE_LABELS, saved.role)}.`);
          } catch (err) {
            showErrors(el, err);
          }
        }),
    },
    field({ label: 'Peran', name: 'role', options: ROLE_OPTIONS, value: target.role }),
    h('div', { class: 'actions' }, roleSubmit),
  );

  const passwordSubmit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Setel kata sandi');
  const passwordForm = form(
    {
      label: `Kata sandi ${name}`,
      onsubmit: (_e, el) =>
        busy(passwordSubmit, async () => {
          clearErrors(el);
          const password = new FormData(el).get('password'); // as typed: spaces are the user's
          if (!password) return showErrors(el, { message: 'Lengkapi isian yang ditandai.', details: [{ field: 'password', messages: ['Kata sandi baru wajib diisi.'] }] });
          try {
            await patch({ password });
            if (self) return onSignedOut('Kata sandi Anda diubah. Silakan masuk lagi dengan kata sandi baru.');
            el.reset();
            await onSaved(`Kata sandi ${name} diubah. Semua sesi ${name} berakhir; ia masuk lagi dengan kata sandi baru.`);
          } catch (err) {
            showErrors(el, err);
          }
        }),
    },
    field({
      label: 'Kata sandi baru',
      name: 'password',
      type: 'password',
      required: true,
      hint: self ? 'Minimal 12 karakter. Semua sesi Anda berakhir: Anda masuk lagi dengan kata sandi baru.' : `Minimal 12 karakter. Semua sesi ${name} berakhir.`,
      attrs: { autocomplete: 'new-password' },
    }),
    h('div', { class: 'actions' }, passwordSubmit),
  );

  return h(
    'div',
    { class: 'user-editor' },
    h('h3', { tabindex: '-1', text: `Kelola ${name}${self ? ' (Anda)' : ''}` }),
    h('div', { class: 'grid-2' }, h('div', {}, roleForm), h('div', {}, passwordForm)),
    h('h4', { text: 'Status' }),
    target.active === false ? activateButton(target, patch, onSaved) : deactivateStep(target, self, patch, onSaved),
  );
}

function deactivateStep(target, self, patch, onSaved) {
  const name = target.username;
  return confirmStep({
    askText: `Nonaktifkan ${name}…`,
    yesText: `Ya, nonaktifkan ${name}`,
    warning: self
      ? 'Anda menonaktifkan akun Anda sendiri: Anda keluar dan tidak dapat masuk lagi sampai admin lain mengaktifkannya.'
      : `${name} tidak dapat masuk lagi dan sesinya berakhir pada permintaan berikutnya. Datanya dan jejak auditnya tetap ada; akun dapat diaktifkan kembali.`,
    onConfirm: async () => {
      const saved = await patch({ active: false });
      // an upload of theirs still processing finishes under their name: the answer's warning says which (UPLOADS_STILL_PROCESSING)
      await onSaved([`${name} dinonaktifkan.`, ...(saved.warnings ?? []).map((w) => w.message)].join(' '));
    },
  });
}

function activateButton(target, patch, onSaved) {
  const out = h('div', { 'aria-live': 'polite' });
  const button = h('button', { type: 'button', class: 'btn btn--secondary' }, `Aktifkan ${target.username}`);
  button.addEventListener('click', () =>
    busy(button, async () => {
      out.replaceChildren();
      try {
        await patch({ active: true });
        await onSaved(`${target.username} diaktifkan kembali.`);
      } catch (err) {
        out.append(errorNotice(err));
      }
    }),
  );
  return h('div', {}, h('p', { class: 'hint', text: `${target.username} nonaktif: tidak dapat masuk.` }), h('div', { class: 'actions' }, button), out);
}
