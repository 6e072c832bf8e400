/*
 * Buitenin survey widget: shows a survey inside a page of the organisation's own site.
 * The site's server first asks Buitenin for a one-time link (POST /api/v1/widget-sites/{id}/tokens),
 * then the page includes:
 *   <div id="buitenin-vragen"></div>
 *   <script src="https://<buitenin>/js/widget.js" data-token="<token>" data-lang="nl"
 *           data-target="#buitenin-vragen" async></script>
 * The questions load in an iframe from Buitenin; only the site's registered origins may frame it.
 * Nothing is read from or written to the host page, and no cookie is set by this script.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.getAttribute('data-token')) {
    return;
  }
  var source = new URL(script.src, document.baseURI);
  var base = source.origin + source.pathname.replace(/\/js\/widget\.js$/, '');
  var lang = script.getAttribute('data-lang');
  var frame = document.createElement('iframe');
  frame.src = base + '/w/' + encodeURIComponent(script.getAttribute('data-token'))
      + (lang ? '?lang=' + encodeURIComponent(lang) : '');
  frame.title = script.getAttribute('data-title') || (lang === 'en' ? 'Your opinion' : 'Uw mening');
  frame.className = 'buitenin-widget';
  frame.style.cssText = 'display:block;width:100%;max-width:40rem;height:30rem;border:1px solid #d0d7de;border-radius:8px;';
  var target = script.getAttribute('data-target') ? document.querySelector(script.getAttribute('data-target')) : null;
  if (target) {
    target.appendChild(frame);
  } else {
    script.parentNode.insertBefore(frame, script.nextSibling);
  }
  // The frame tells its height, so the questions never need their own scroll bar.
  window.addEventListener('message', function (event) {
    if (event.origin !== source.origin || event.source !== frame.contentWindow) {
      return;
    }
    var data = event.data;
    if (data && data.type === 'buitenin-widget-height' && typeof data.height === 'number') {
      frame.style.height = Math.min(Math.max(Math.ceil(data.height) + 2, 120), 3000) + 'px';
    }
  });
})();
