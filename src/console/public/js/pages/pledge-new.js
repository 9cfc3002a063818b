/** A new pledge (KEUANGAN). Warnings of the answer (the Dana Desa rule, the code's year, unregistered NIKs) are shown on the pledge page. */
import { api } from '../api.js';
import { h, replace } from '../dom.js';
import { form, showErrors, withFormProblems } from '../forms.js';
import { busy, pageHeader, section } from '../ui.js';
import { codeYearQuestion, pledgeFields, pledgeRequestFromForm } from './pledge-form.js';
import { rememberSavedWarnings, untouchedMonthsText } from './pledge.js';

export async function render(main, ctx) {
  const submit = h('button', { type: 'submit', class: 'btn btn--primary' }, 'Simpan komitmen');
  let asked = null; // the code and year the question below was asked for: a second click saves them
  const el = form(
    {
      label: 'Komitmen baru',
      onsubmit: (_e, f) =>
        busy(submit, async () => {
          const { body, problems } = pledgeRequestFromForm(f, 'create');
          const question = codeYearQuestion(body.code, body.fiscalYear);
          const key = `${body.code}|${body.fiscalYear}`;
          if (question && asked !== key) {
            asked = key;
            return showErrors(f, { message: question, details: [{ field: 'fiscalYear', messages: [question] }] });
          }
          try {
            const pledge = await api('/api/v1/pledges', { method: 'POST', json: body });
            sessionStorage.setItem('jamkesda.notice', `Komitmen ${pledge.code} tersimpan.${untouchedMonthsText(pledge)}`);
            rememberSavedWarnings(pledge);
            ctx.navigate(`/komitmen/${encodeURIComponent(pledge.code)}`);
          } catch (err) {
            showErrors(f, err.code === 'PLEDGE_EXISTS' ? { message: err.message, details: [{ field: 'code', messages: ['Kode ini sudah dipakai.'] }] } : withFormProblems(problems, err));
          }
        }),
    },
    await pledgeFields({}, 'create'),
    h('div', { class: 'actions' }, submit, h('a', { href: '#/komitmen', class: 'btn btn--ghost' }, 'Batal')),
  );
  replace(main, h('p', { class: 'back' }, h('a', { href: '#/komitmen', text: '‹ Daftar komitmen' })), pageHeader('Komitmen Baru', 'Isian sesuai PKS / SK pendanaan. Kolom bertanda * wajib diisi.'), section(null, el));
}
