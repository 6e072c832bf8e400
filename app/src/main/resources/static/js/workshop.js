// The workshop result page: the print link prints the page (print CSS hides menus and buttons).
document.addEventListener('DOMContentLoaded', () => {
  const print = document.getElementById('print-result');
  if (print) {
    print.addEventListener('click', event => {
      event.preventDefault();
      window.print();
    });
  }
});
