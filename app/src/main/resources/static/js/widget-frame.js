/* Inside the widget's iframe: tells the host page how tall the questions are (nothing else). */
(function () {
  'use strict';
  if (window.parent === window) {
    return;
  }
  function tell() {
    window.parent.postMessage({ type: 'buitenin-widget-height', height: document.documentElement.scrollHeight }, '*');
  }
  window.addEventListener('load', tell);
  if (window.ResizeObserver) {
    new ResizeObserver(tell).observe(document.body);
  }
})();
