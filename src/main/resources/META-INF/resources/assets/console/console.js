// The console's only script of its own: after a page load or an htmx swap, focus the banner that reports what
// happened (done, conflict, error) so that a screen reader reads it and the keyboard starts there.
(function () {
  'use strict';
  function focusBanner(root) {
    var banner = (root || document).querySelector('[data-focus]');
    if (banner) {
      banner.focus();
    }
  }
  document.addEventListener('DOMContentLoaded', function () { focusBanner(document); });
  document.addEventListener('htmx:afterSwap', function (event) { focusBanner(event.target); });
})();
