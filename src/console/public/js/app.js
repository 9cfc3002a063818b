/** Entry point: the page shell (header, menu, user), login/logout and the hash router. */
import { api, session } from './api.js';
import { h, replace } from './dom.js';
import { label, ROLE_LABELS } from './format.js';
import { renderLogin } from './pages/login.js';
import { hashFor, homeFor, matchRoute, parseHash, ROUTES } from './routes.js';
import { errorNotice, loading, notice, pageHeader } from './ui.js';

const main = document.getElementById('main');
const nav = document.getElementById('nav');
const userBox = document.getElementById('user');
const menuButton = document.getElementById('menu-button');

let user = null;
let current = null; // { controller: AbortController }
/** "Peran Anda berubah menjadi …", said above the page drawn again for the new role (set by onForbidden). */
let roleChange = null;
let checkingRole = null;
/** The message the login page shown now says, for the same page drawn again (two 401s at once: QA). */
let loginFlash = null;

session.onUnauthorized(() => {
  user = null;
  sessionStorage.setItem('jamkesda.notice', 'Sesi Anda berakhir. Silakan masuk lagi.');
  // The render that asked (a reload or a bookmark with a token no longer valid: /auth/me) stops here: it
  // would show the login page and use up the message, and the one below would show it again without (QA).
  current?.controller.abort();
  if (!location.hash.startsWith('#/masuk')) location.hash = hashFor('/masuk', { lanjut: location.hash.slice(1) });
  else render();
});

/**
 * A 403 may mean the role was changed since the menu and the page were drawn (QA: a finance officer made auditor kept
 * the forms, and Pembayaran's pledge list read "Peran Anda tidak diizinkan …"): the user is read again and, when the
 * role differs, the menu and the page are drawn again for it, with a notice. One check at a time.
 */
session.onForbidden(() => {
  if (!user || checkingRole) return;
  const was = user.role;
  checkingRole = api('/api/v1/auth/me')
    .then((fresh) => {
      if (!user || fresh.role === was) return;
      user = fresh;
      roleChange = `Peran Anda berubah menjadi ${label(ROLE_LABELS, fresh.role)}. Menu dan halaman ini disesuaikan dengan peran tersebut.`;
      render();
    })
    .catch(() => undefined)
    .finally(() => (checkingRole = null));
});

export function navigate(path, query) {
  const next = hashFor(path, query);
  if (location.hash === next) render();
  else location.hash = next;
}

/** Updates the address (for bookmarks and back/forward) without re-rendering the page. */
function setQuery(path, query) {
  history.replaceState(null, '', hashFor(path, query));
}

/**
 * The same as a new history entry (a list's next page, new filters), unless the address says it already:
 * Back returns to the entry before, which the router renders again from its address (QA: Back left the list).
 */
function pushQuery(path, query) {
  const next = hashFor(path, query);
  if (location.hash !== next) history.pushState(null, '', next);
}

async function loadUser() {
  if (!session.token) return null;
  if (user) return user;
  try {
    user = await api('/api/v1/auth/me');
  } catch (err) {
    if (err.status === 401) return null;
    throw err;
  }
  return user;
}

function renderShell() {
  replace(userBox);
  replace(nav);
  menuButton.hidden = !user;
  if (!user) return;
  const { path } = parseHash(location.hash);
  const links = ROUTES.filter((r) => r.nav && r.roles.includes(user.role)).map((r) => {
    const active = path === r.path || path.startsWith(`${r.path}/`);
    return h('li', {}, h('a', { href: `#${r.path}`, 'aria-current': active ? 'page' : null, text: r.navTitle ?? r.title }));
  });
  replace(nav, h('ul', {}, links));
  replace(
    userBox,
    // the name on one line, the role under it, each whole (QA: "keuangan (Keuang…" at 1366 px); only a name longer than
    // its box is cut, in full on hover
    h(
      'span',
      { class: 'user-name', title: `${user.username} (${label(ROLE_LABELS, user.role)})` },
      h('span', { class: 'visually-hidden', text: 'Masuk sebagai ' }),
      h('span', { class: 'user-login', text: user.username }),
      h('span', { class: 'visually-hidden', text: ', peran ' }),
      h('span', { class: 'role', text: label(ROLE_LABELS, user.role) }),
    ),
    h('button', { type: 'button', class: 'btn btn--ghost btn--small', onclick: logout }, 'Keluar'),
  );
}

function logout() {
  // ends the session on the server too (every copy of the token stops working), then forgets it here
  api('/api/v1/auth/logout', { method: 'POST' }).catch(() => undefined);
  session.clear();
  user = null;
  sessionStorage.setItem('jamkesda.notice', 'Anda telah keluar.');
  navigate('/masuk');
}

/**
 * Focus on the new page's heading, unless the user has already moved into the page while its slower parts
 * loaded (a form reached by Tab while the upload history still loaded): the heading took their place (CI).
 * The page was drawn afresh, so whatever has focus inside it was focused during this render.
 */
function focusHeading() {
  const active = document.activeElement;
  if (active && active !== main && main.contains(active)) return;
  const heading = main.querySelector('h1');
  if (heading) heading.focus({ preventScroll: false });
}

async function render() {
  if (!location.hash.startsWith('#/') && location.hash !== '') return; // in-page anchors
  current?.controller.abort();
  const controller = new AbortController();
  current = { controller };
  const rendered = location.hash; // the address this render is for (see whileShown below)
  closeMenu();
  const { path, query } = parseHash(location.hash);

  let me;
  try {
    me = await loadUser();
  } catch (err) {
    replace(main, pageHeader('Konsol Jamkesda'), errorNotice(err));
    return;
  }
  if (controller.signal.aborted) return;

  if (!me || path === '/masuk') {
    if (me && path === '/masuk') return navigate(homeFor(me.role));
    renderShell();
    document.title = 'Masuk · Konsol Jamkesda';
    const stored = sessionStorage.getItem('jamkesda.notice');
    sessionStorage.removeItem('jamkesda.notice');
    const flash = stored ?? (main.dataset.page === 'masuk' ? loginFlash : null);
    loginFlash = flash;
    main.dataset.page = 'masuk';
    renderLogin(main, {
      flash,
      onLoggedIn: async () => {
        user = null;
        const who = await loadUser();
        // Back to the page that was asked for (a bookmark, or the page open when the session ended).
        const asked = path === '/masuk' ? query.lanjut : path !== '/' ? location.hash.slice(1) : null;
        const next = asked && asked.startsWith('/') && !asked.startsWith('/masuk') ? asked : homeFor(who.role);
        if (location.hash === `#${next}`) render();
        else location.hash = `#${next}`;
      },
    });
    return;
  }

  main.dataset.page = '';
  renderShell();
  if (path === '/') return navigate(homeFor(me.role));
  const changed = roleChange;
  roleChange = null;
  const sayChange = () => changed && main.prepend(notice('info', changed));
  const match = matchRoute(path);
  if (!match) {
    replace(main, pageHeader('Halaman tidak ditemukan'), notice('warning', 'Alamat ini tidak dikenal. ', h('a', { href: `#${homeFor(me.role)}`, text: 'Kembali ke halaman utama' })));
    return focusHeading();
  }
  const { route, params } = match;
  document.title = `${route.title} · Konsol Jamkesda`;
  if (!route.roles.includes(me.role)) {
    replace(main, pageHeader(route.title), notice('warning', `Halaman ini tidak tersedia untuk peran ${label(ROLE_LABELS, me.role)}. `, h('a', { href: `#${homeFor(me.role)}`, text: 'Kembali ke halaman utama' })));
    sayChange();
    return focusHeading();
  }
  replace(main, loading());
  try {
    const page = await route.load();
    if (controller.signal.aborted) return;
    replace(main);
    // A page writes the address only while it is the one shown: after Back pressed twice quickly, the page of
    // the first Back, still loading, replaced the second's history entry with its own address (CI).
    let shown = rendered;
    const whileShown = (write) => (q) => {
      if (controller.signal.aborted || location.hash !== shown) return;
      write(path, q);
      shown = location.hash;
    };
    await page.render(main, {
      user: me,
      params,
      query,
      signal: controller.signal,
      navigate,
      setQuery: whileShown(setQuery),
      pushQuery: whileShown(pushQuery),
    });
    if (!controller.signal.aborted) {
      sayChange();
      focusHeading();
    }
  } catch (err) {
    if (err?.name === 'AbortError' || controller.signal.aborted) return;
    console.error(err);
    replace(main, pageHeader(route.title), errorNotice(err));
    sayChange();
    focusHeading();
  }
}

function closeMenu() {
  document.body.classList.remove('menu-open');
  menuButton.setAttribute('aria-expanded', 'false');
}

menuButton.addEventListener('click', () => {
  const open = !document.body.classList.contains('menu-open');
  document.body.classList.toggle('menu-open', open);
  menuButton.setAttribute('aria-expanded', String(open));
});

// Escape closes the phone menu, focus back on its button (QA).
document.addEventListener('keydown', (event) => {
  if (event.key !== 'Escape' || !document.body.classList.contains('menu-open')) return;
  closeMenu();
  menuButton.focus();
});

// The skip link moves focus without touching the address (the hash belongs to the router).
document.querySelector('.skip-link')?.addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

window.addEventListener('hashchange', render);
render();
