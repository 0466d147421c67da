// The staff chat queue refreshes itself every ten seconds while on duty (progressive enhancement): without
// JavaScript the page is the same list and its buttons, current when loaded. The new list is
// the server's own HTML for the page; it replaces the old one only while focus is not inside
// it, so nobody loses their place while choosing.
(function () {
  'use strict';
  var queue = document.getElementById('chat-queue');
  // Only for staff on duty: the others have no queue to follow.
  if (!queue || !queue.dataset.refresh || !window.fetch || !window.DOMParser) return;
  function refresh() {
    if (queue.contains(document.activeElement)) return;
    fetch(queue.dataset.refresh, { credentials: 'same-origin' }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (!html || queue.contains(document.activeElement)) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('chat-queue');
      if (fresh && fresh.innerHTML !== queue.innerHTML) queue.innerHTML = fresh.innerHTML;
    }, function () { /* offline: try again at the next tick */ });
  }
  setInterval(refresh, 10000);
}());
