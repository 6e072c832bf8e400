// Small behaviour shared by all pages; no inline scripts, so the Content-Security-Policy can forbid them.
document.addEventListener('DOMContentLoaded', () => {
  // Forms that ask for confirmation carry data-confirm="question".
  document.querySelectorAll('form[data-confirm]').forEach(form => {
    form.addEventListener('submit', event => {
      if (!window.confirm(form.dataset.confirm)) {
        event.preventDefault();
      }
    });
  });
  // Main menu: one group open at a time; a click elsewhere or Escape closes it.
  const groups = document.querySelectorAll('nav.main-nav details.menu-group');
  groups.forEach(group => group.addEventListener('toggle', () => {
    if (group.open) {
      groups.forEach(other => { if (other !== group) { other.open = false; } });
    }
  }));
  document.addEventListener('click', event => {
    groups.forEach(group => { if (group.open && !group.contains(event.target)) { group.open = false; } });
  });
  document.addEventListener('keydown', event => {
    if (event.key === 'Escape') {
      groups.forEach(group => { if (group.open) { group.open = false; group.querySelector('summary').focus(); } });
    }
  });
});
// htmx sends the CSRF token with every request it makes.
document.addEventListener('htmx:configRequest', event => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
