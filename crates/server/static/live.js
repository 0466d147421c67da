// Live message threads (progressive enhancement). Without JavaScript the page works as it is:
// the form posts and the page reloads. With it, new messages and read receipts arrive over a
// WebSocket, and sending does not leave the page. Text is inserted with textContent only, so a
// message is always shown as text, never as markup.
(function () {
  'use strict';
  var list = document.getElementById('thread');
  if (!list || !('WebSocket' in window)) return;
  var form = document.getElementById('ny');
  var empty = document.getElementById('thread-empty');
  var reader = list.dataset.reader;
  var socket = null;
  var retry = 1000;
  var dropped = false;
  var unreadShown = false;
  var status = document.getElementById('thread-status');
  // A moment reads as the server writes it: "2. marts 2026 kl. 09:00" (the pattern is the
  // page's language's, in data-at), Copenhagen time.
  var lang = document.documentElement.lang || 'da';
  var day = new Intl.DateTimeFormat(lang === 'da' ? 'da-DK' : lang === 'en' ? 'en-GB' : lang, {
    timeZone: 'Europe/Copenhagen', day: 'numeric', month: 'long', year: 'numeric'
  });
  var clock = new Intl.DateTimeFormat('da-DK', {
    timeZone: 'Europe/Copenhagen', hour: '2-digit', minute: '2-digit', hour12: false
  });

  function stamp(iso) {
    var at = new Date(iso);
    var pattern = list.dataset.at || '{date} {time}';
    return pattern.replace('{date}', day.format(at)).replace('{time}', clock.format(at).replace('.', ':'));
  }

  // Staff: whom the thread waits for follows the last message.
  function restatus(m) {
    if (!status) return;
    var line = m.author_role === 'citizen' ? status.dataset.waitingUs : status.dataset.waitingCitizen;
    if (line) status.textContent = line.replace('{since}', stamp(m.sent_at));
  }

  // Sent: what the last refusal said no longer holds — the summary, the red field, the
  // message beside it and the "Fejl:" in the title go.
  function clearErrors() {
    var summary = form.previousElementSibling;
    if (summary && summary.classList.contains('alert-error')) summary.remove();
    form.querySelectorAll('.form-error').forEach(function (g) { g.classList.remove('form-error'); });
    form.querySelectorAll('.form-error-message').forEach(function (e) { e.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (f) {
      f.removeAttribute('aria-invalid');
      var ids = (f.getAttribute('aria-describedby') || '').split(' ').filter(function (id) {
        return id && !/-error$/.test(id);
      });
      if (ids.length) f.setAttribute('aria-describedby', ids.join(' '));
      else f.removeAttribute('aria-describedby');
    });
    var prefix = form.dataset.errorPrefix;
    if (prefix && document.title.indexOf(prefix + ' ') === 0) {
      document.title = document.title.slice(prefix.length + 1);
    }
  }

  function send(frame) {
    if (socket && socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(frame));
  }

  function mine(m) { return (m.author_role === 'citizen') === (reader === 'citizen'); }

  function show(m) {
    var own = mine(m);
    var li = document.createElement('li');
    li.className = 'ju-msg' + (own ? ' ju-msg--mine' : '');
    li.dataset.sent = m.sent_at;
    var meta = document.createElement('p');
    meta.className = 'ju-msg-meta';
    var who = document.createElement('strong');
    who.textContent = own && reader === 'citizen' ? list.dataset.you : m.author_name;
    var time = document.createElement('time');
    time.dateTime = m.sent_at;
    time.textContent = stamp(m.sent_at);
    meta.append(who, ' ', time);
    if (own) {
      var read = document.createElement('span');
      read.className = 'ju-read';
      read.hidden = true;
      read.textContent = '· ' + list.dataset.read;
      meta.append(' ', read);
    }
    var body = document.createElement('div');
    body.className = 'ju-msg-body';
    body.textContent = m.body;
    li.append(meta, body);
    list.append(li);
    if (empty) empty.hidden = true;
    restatus(m);
    if (!own) {
      if (document.visibilityState === 'visible') send({ type: 'read' });
      else unreadShown = true;
    }
  }

  function receipt(f) {
    if (f.by === reader) return;
    var at = Date.parse(f.at);
    list.querySelectorAll('.ju-msg--mine').forEach(function (li) {
      var r = li.querySelector('.ju-read');
      if (r && Date.parse(li.dataset.sent) <= at) r.hidden = false;
    });
  }

  // The live chat (issue 21): its panel is re-read from the server when the chat changes (taken,
  // ended; a move up the queue comes with the new place in the frame itself), and "… skriver" shows for a few seconds when the other side
  // writes. Typing signs go only while a chat is open, at most one a second.
  var chatPanel = document.getElementById('chat');
  var typingLine = document.getElementById('chat-typing');
  var typingTimer = null;
  var lastTyping = 0;

  function chatOpen() { return chatPanel && chatPanel.dataset.liveChat === 'true'; }

  function rereadChat() {
    if (!chatPanel) { location.reload(); return; }
    fetch(location.pathname + location.search, { credentials: 'same-origin' }).then(function (r) {
      return r.ok ? r.text() : null;
    }).then(function (html) {
      if (!html) return;
      var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('chat');
      if (!fresh) return;
      var hadFocus = chatPanel.contains(document.activeElement);
      chatPanel.innerHTML = fresh.innerHTML;
      chatPanel.dataset.liveChat = fresh.dataset.liveChat;
      typingLine = document.getElementById('chat-typing');
      if (hadFocus) {
        var status = document.getElementById('chat-status');
        if (status) { status.tabIndex = -1; status.focus(); }
      }
    }, function () { /* offline: the reconnect reloads */ });
  }

  // The queue moved: the frame carries the citizen's new place in their own words, so a
  // thousand waiting pages do not each ask the server again.
  function queued(f) {
    var status = document.getElementById('chat-status');
    if (status && typeof f.status === 'string') status.textContent = f.status;
  }

  function typing(f) {
    if (f.by === reader || !typingLine) return;
    typingLine.textContent = typingLine.dataset.text || '';
    clearTimeout(typingTimer);
    typingTimer = setTimeout(function () { if (typingLine) typingLine.textContent = ''; }, 4000);
  }

  function connect() {
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + list.dataset.live);
    socket.onopen = function () {
      retry = 1000;
      list.dataset.connected = 'true';
      // Shown is read: the script marks it (a POST over the socket), so the button is not needed.
      if (document.visibilityState === 'visible') {
        send({ type: 'read' });
        var button = document.getElementById('mark-read');
        if (button) button.hidden = true;
      } else unreadShown = true;
      // Messages may have come while the connection was down: reload unless the reader is
      // in the middle of writing.
      var text = form && form.querySelector('textarea');
      if (dropped && (!text || text.value === '')) location.reload();
    };
    socket.onmessage = function (e) {
      var f;
      try { f = JSON.parse(e.data); } catch (_) { return; }
      if (f.type === 'message') {
        show(f.message);
        // The other side's message arrived: they have stopped writing.
        if (typingLine && !mine(f.message)) typingLine.textContent = '';
      }
      else if (f.type === 'read') receipt(f);
      else if (f.type === 'chat') rereadChat();
      else if (f.type === 'queue') queued(f);
      else if (f.type === 'typing') typing(f);
      else if (f.type === 'reload') location.reload();
    };
    socket.onclose = function () {
      list.dataset.connected = 'false';
      dropped = true;
      setTimeout(connect, retry);
      retry = Math.min(retry * 2, 30000);
    };
  }

  document.addEventListener('visibilitychange', function () {
    if (document.visibilityState === 'visible' && unreadShown) {
      unreadShown = false;
      send({ type: 'read' });
    }
  });

  if (form) {
    form.addEventListener('input', function () {
      var now = Date.now();
      if (chatOpen() && now - lastTyping > 1000) { lastTyping = now; send({ type: 'typing' }); }
    });
    form.addEventListener('submit', function (e) {
      // A message sent: the next keystroke starts a new one, and says so at once.
      lastTyping = 0;
      if (!socket || socket.readyState !== WebSocket.OPEN) return;
      e.preventDefault();
      var text = form.querySelector('textarea');
      fetch(form.action, {
        method: 'POST', body: new URLSearchParams(new FormData(form)),
        credentials: 'same-origin', redirect: 'manual'
      }).then(function (r) {
        // Sent: the message comes back over the socket. Refused: post the form the plain way,
        // so the page shows the reason beside the field.
        if (r.type === 'opaqueredirect') { text.value = ''; clearErrors(); text.focus(); } else { form.submit(); }
      }, function () { form.submit(); });
    });
  }

  connect();
}());
