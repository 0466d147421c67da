// The video room: a device check, the waiting room and the call, in the browser with nothing to
// install. Media goes directly between the browsers (WebRTC; through TURN when the server is
// configured with one); the server only relays the signalling over a WebSocket.
(function () {
  'use strict';
  var room = document.getElementById('room');
  if (!room || !window.RTCPeerConnection || !navigator.mediaDevices) return;
  room.hidden = false;
  var $ = function (id) { return document.getElementById(id); };
  var t = room.dataset;
  var role = t.role;
  var iceServers = JSON.parse(t.ice || '[]');
  var stream = null;
  var socket = null;
  var peers = {};
  var leaving = false;

  navigator.mediaDevices.getUserMedia({ video: true, audio: true }).then(function (s) {
    stream = s;
    $('local').srcObject = s;
    $('check-status').textContent = t.tOk;
    $('enter').disabled = false;
  }, function (e) {
    $('check-status').textContent = t.tFailed + ' (' + e.name + ')';
  });

  $('enter').addEventListener('click', function () {
    $('enter').disabled = true;
    var scheme = location.protocol === 'https:' ? 'wss://' : 'ws://';
    socket = new WebSocket(scheme + location.host + t.live);
    socket.onmessage = function (e) { receive(JSON.parse(e.data)); };
    socket.onclose = function () {
      Object.keys(peers).forEach(drop);
      $('call-status').textContent = leaving ? t.tLeft : t.tLost;
      $('call').hidden = false;
      $('waiting-room').hidden = true;
    };
  });

  $('leave').addEventListener('click', function () {
    leaving = true;
    if (socket) socket.send(JSON.stringify({ type: 'leave' }));
  });

  function send(frame) { socket.send(JSON.stringify(frame)); }

  function receive(f) {
    switch (f.type) {
      case 'waiting_room':
        $('check').hidden = true;
        $('waiting-room').hidden = false;
        break;
      case 'in_room':
        $('check').hidden = true;
        $('waiting-room').hidden = true;
        $('call').hidden = false;
        if (role !== 'citizen' && role !== 'interpreter') $('waiting-list').hidden = false;
        // The newcomer calls everyone already there.
        f.peers.forEach(function (p) { connect(p, true); });
        break;
      case 'peer_joined': connect(f.peer, false); break;
      case 'waiting': showWaiting(f.peer); break;
      case 'signal': signal(f.from, f.data); break;
      case 'peer_left':
        drop(f.peer);
        var w = document.querySelector('#waiting [data-peer="' + f.peer + '"]');
        if (w) w.remove();
        break;
      default: break;
    }
  }

  function showWaiting(p) {
    var li = document.createElement('li');
    li.dataset.peer = p.id;
    var button = document.createElement('button');
    button.type = 'button';
    button.className = 'button button-primary';
    button.textContent = t.tAdmit + ' ' + p.name;
    button.addEventListener('click', function () {
      send({ type: 'admit', peer: p.id });
      li.remove();
    });
    li.append(button);
    $('waiting').append(li);
  }

  function connect(p, offer) {
    var pc = new RTCPeerConnection({ iceServers: iceServers });
    stream.getTracks().forEach(function (track) { pc.addTrack(track, stream); });
    var figure = document.createElement('figure');
    var video = document.createElement('video');
    video.autoplay = true;
    video.playsInline = true;
    video.className = 'ju-video';
    video.dataset.peer = p.id;
    var caption = document.createElement('figcaption');
    caption.textContent = p.name;
    figure.append(video, caption);
    $('remotes').append(figure);
    pc.ontrack = function (e) { video.srcObject = e.streams[0]; };
    pc.onicecandidate = function (e) {
      if (e.candidate) send({ type: 'signal', to: p.id, data: { candidate: e.candidate.toJSON() } });
    };
    // Signals for one peer are handled in order, so a candidate never comes before its offer.
    var peer = { pc: pc, figure: figure, chain: Promise.resolve() };
    peers[p.id] = peer;
    if (offer) {
      peer.chain = pc.createOffer()
        .then(function (o) { return pc.setLocalDescription(o); })
        .then(function () { send({ type: 'signal', to: p.id, data: { sdp: pc.localDescription.toJSON() } }); });
    }
  }

  function signal(from, data) {
    var peer = peers[from];
    if (!peer) return;
    var pc = peer.pc;
    peer.chain = peer.chain.then(function () {
      if (data.sdp) {
        return pc.setRemoteDescription(data.sdp).then(function () {
          if (data.sdp.type !== 'offer') return undefined;
          return pc.createAnswer()
            .then(function (a) { return pc.setLocalDescription(a); })
            .then(function () { send({ type: 'signal', to: from, data: { sdp: pc.localDescription.toJSON() } }); });
        });
      }
      if (data.candidate) return pc.addIceCandidate(data.candidate);
      return undefined;
    }).catch(function (e) { console.warn('signalling', e); });
  }

  function drop(id) {
    var peer = peers[id];
    if (!peer) return;
    peer.pc.close();
    peer.figure.remove();
    delete peers[id];
  }
}());
