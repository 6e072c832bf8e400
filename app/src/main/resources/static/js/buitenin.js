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
});
// htmx sends the CSRF token with every request it makes.
document.addEventListener('htmx:configRequest', event => {
  const token = document.querySelector('meta[name="_csrf"]');
  const header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header) {
    event.detail.headers[header.content] = token.content;
  }
});
