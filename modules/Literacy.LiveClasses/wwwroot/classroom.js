// The live classroom. The server holds the state; this page shows it, sends what the person does, and on any
// reconnect (a dropped phone, a reload, a new network) joins again and redraws everything from the server's snapshot.
(function () {
  'use strict';
  var root = document.getElementById('classroom');
  if (!root || !window.signalR) { return; }
  document.getElementById('needs-script').hidden = true;
  var text = root.dataset;
  var classId = text.classId;
  var trainer = text.trainer === 'true';
  var $ = function (id) { return document.getElementById(id); };
  var format = function (template) {
    var args = Array.prototype.slice.call(arguments, 1);
    return template.replace(/\{(\d)\}/g, function (_, i) { return String(args[+i]); });
  };

  var state = { me: null, slide: 0, slideCount: 0, poll: null, myChoices: null, muted: false, hand: false, participants: {}, ended: false };
  var slides = root.querySelectorAll('.slide');

  var connection = new signalR.HubConnectionBuilder()
    .withUrl('/hubs/classroom')
    // Keep trying for as long as the page is open: a phone may be off the network for minutes.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: function (c) { return Math.min(500 + c.previousRetryCount * 1000, 5000); } })
    .build();
  connection.serverTimeoutInMilliseconds = 20000;
  connection.keepAliveIntervalInMilliseconds = 10000;

  function status(message) { $('status').textContent = message; }

  // A refusal from the server reads "... HubException: <the reason>"; show only the reason.
  function reason(error) {
    var m = /HubException: (.*)$/.exec((error && error.message) || '');
    return m ? m[1] : text.textError;
  }

  function invoke() {
    return connection.invoke.apply(connection, arguments).catch(function (e) { status(reason(e)); throw e; });
  }

  function showSlide(index) {
    state.slide = index;
    slides.forEach(function (s) { s.hidden = +s.dataset.index !== index; });
    $('slide-number').textContent = format(text.textSlide, index + 1, state.slideCount);
    if ($('previous-slide')) {
      $('previous-slide').disabled = index <= 0;
      $('next-slide').disabled = index >= state.slideCount - 1;
    }
  }

  function chatLine(line) {
    var li = document.createElement('li');
    li.dataset.id = line.id;
    var name = document.createElement('strong');
    name.textContent = line.name; // always text: chat never becomes markup
    li.appendChild(name);
    li.appendChild(document.createTextNode(': ' + line.text));
    if (trainer && line.authorId !== state.me) {
      li.appendChild(button(text.textRemove, 'link', function () { invoke('RemoveChat', line.id).catch(function () {}); }));
    }
    return li;
  }

  function button(label, cls, onClick) {
    var b = document.createElement('button');
    b.type = 'button';
    b.className = cls;
    b.textContent = label;
    b.addEventListener('click', onClick);
    return b;
  }

  function addChat(line) {
    var log = $('chat');
    if (log.querySelector('li[data-id="' + line.id + '"]')) { return; }
    log.appendChild(chatLine(line));
    while (log.children.length > 100) { log.removeChild(log.firstChild); }
    log.scrollTop = log.scrollHeight;
  }

  function showHand(raised) {
    state.hand = raised;
    var b = $('hand');
    if (!b) { return; }
    b.setAttribute('aria-pressed', raised ? 'true' : 'false');
    b.textContent = raised ? text.textLower : text.textRaise;
    $('hand-status').textContent = raised ? text.textHandUp : text.textHandDown;
  }

  function showMuted(muted) {
    state.muted = muted;
    $('chat-text').disabled = muted;
    $('chat-form').querySelector('button').disabled = muted;
    $('chat-status').textContent = muted ? text.textMuted : '';
  }

  function showHands(hands) {
    var list = $('hands');
    if (!list) { return; }
    list.replaceChildren();
    if (hands.length === 0) {
      var empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = text.textNoHands;
      list.appendChild(empty);
    }
    hands.forEach(function (h) {
      var li = document.createElement('li');
      li.textContent = h.name + ' ';
      li.appendChild(button(text.textLowerHand, 'secondary', function () { invoke('LowerHandOf', h.userId).catch(function () {}); }));
      list.appendChild(li);
    });
  }

  function showParticipants() {
    var list = $('participants');
    if (!list) { return; }
    list.replaceChildren();
    var people = Object.keys(state.participants).map(function (k) { return state.participants[k]; });
    if (people.length === 0) {
      var empty = document.createElement('li');
      empty.className = 'empty';
      empty.textContent = text.textNoOne;
      list.appendChild(empty);
    }
    people.sort(function (a, b) { return a.name.localeCompare(b.name); }).forEach(function (p) {
      var li = document.createElement('li');
      li.textContent = p.name + ' ';
      li.appendChild(button(p.muted ? text.textUnmute : text.textMute, 'secondary', function () {
        invoke('MuteChat', p.userId, !p.muted).then(function () { p.muted = !p.muted; showParticipants(); }).catch(function () {});
      }));
      list.appendChild(li);
    });
  }

  function showPoll(poll) {
    if (poll && state.poll && poll.id !== state.poll.id) { state.myChoices = null; }
    state.poll = poll;
    if (poll && poll.myChoices) { state.myChoices = poll.myChoices; }
    var section = $('poll-section');
    var box = $('poll');
    box.replaceChildren();
    section.hidden = !poll;
    if (!poll) { return; }
    var total = (poll.counts || []).reduce(function (a, b) { return a + b; }, 0);
    var form = document.createElement('form');
    var fieldset = document.createElement('fieldset');
    var legend = document.createElement('legend');
    legend.textContent = poll.question;
    fieldset.appendChild(legend);
    poll.options.forEach(function (option, i) {
      var label = document.createElement('label');
      label.className = 'check';
      if (!trainer) {
        var input = document.createElement('input');
        input.type = poll.multiple ? 'checkbox' : 'radio';
        input.name = 'choice';
        input.value = i;
        input.checked = !!(state.myChoices && state.myChoices.indexOf(i) >= 0);
        label.appendChild(input);
        label.appendChild(document.createTextNode(' '));
      }
      label.appendChild(document.createTextNode(option));
      if (poll.counts) {
        var result = document.createElement('span');
        result.className = 'poll-count';
        result.textContent = ' — ' + format(text.textVotes, poll.counts[i]);
        label.appendChild(result);
        var bar = document.createElement('progress');
        bar.max = Math.max(total, 1);
        bar.value = poll.counts[i];
        bar.setAttribute('aria-hidden', 'true');
        label.appendChild(bar);
      }
      fieldset.appendChild(label);
    });
    form.appendChild(fieldset);
    var note = document.createElement('p');
    note.className = 'hint';
    note.setAttribute('role', 'status');
    if (trainer) {
      note.textContent = format(text.textAnswered, poll.answered);
      form.appendChild(note);
      var actions = document.createElement('div');
      actions.className = 'actions';
      if (!poll.resultsShown) {
        actions.appendChild(button(text.textShowResults, '', function () { invoke('ShowPollResults', poll.id).catch(function () {}); }));
      }
      actions.appendChild(button(text.textClosePoll, 'secondary', function () { invoke('ClosePoll', poll.id).catch(function () {}); }));
      form.appendChild(actions);
    } else {
      var send = document.createElement('button');
      send.type = 'submit';
      send.textContent = text.textSendAnswer;
      form.appendChild(send);
      note.textContent = state.myChoices ? text.textAnswerSent : (poll.counts ? '' : text.textWaitingResults);
      form.appendChild(note);
      form.addEventListener('submit', function (e) {
        e.preventDefault();
        var choices = Array.prototype.map.call(form.querySelectorAll('input:checked'), function (i) { return +i.value; });
        invoke('AnswerPoll', poll.id, choices).catch(function () {});
      });
    }
    box.appendChild(form);
  }

  function ended() {
    state.ended = true;
    status(text.textEnded);
    root.querySelectorAll('button, input, textarea').forEach(function (el) { el.disabled = true; });
    $('ended').hidden = false;
  }

  // Everything on screen comes from the snapshot, so a rejoin cannot leave anything stale.
  function render(snapshot) {
    if (snapshot.ended) { ended(); return; }
    state.me = snapshot.me;
    state.slideCount = snapshot.slideCount;
    showSlide(snapshot.slide);
    $('chat').replaceChildren();
    snapshot.chat.forEach(addChat);
    showMuted(snapshot.muted);
    showHand(snapshot.handRaised);
    showPoll(snapshot.poll);
    if (snapshot.hands) { showHands(snapshot.hands); }
    if (snapshot.participants) {
      state.participants = {};
      snapshot.participants.forEach(function (p) { state.participants[p.userId] = p; });
      showParticipants();
    }
  }

  // Messages that arrive while a join is under way may be older or newer than its snapshot: they are kept and
  // applied after it, in order. Each one sets a value or is skipped when already shown, so replaying is safe.
  var joining = false;
  var held = [];
  function on(name, handler) {
    connection.on(name, function () {
      var args = arguments;
      if (joining) { held.push(function () { handler.apply(null, args); }); } else { handler.apply(null, args); }
    });
  }

  on('SlideChanged', showSlide);
  on('ChatPosted', addChat);
  on('ChatRemoved', function (id) {
    var li = $('chat').querySelector('li[data-id="' + id + '"]');
    if (li) { li.remove(); }
  });
  on('MutedChanged', showMuted);
  on('HandChanged', showHand);
  on('HandsChanged', showHands);
  on('PollChanged', showPoll);
  on('ParticipantJoined', function (p) { state.participants[p.userId] = p; showParticipants(); });
  on('ParticipantLeft', function (id) { delete state.participants[id]; showParticipants(); });
  connection.on('ClassEnded', function () { ended(); connection.stop(); });

  var joined = false;
  var refused = false;
  function join() {
    joining = true;
    held = [];
    return connection.invoke('Join', classId).then(function (snapshot) {
      joined = true;
      render(snapshot);
      joining = false;
      held.splice(0).forEach(function (apply) { apply(); });
      if (snapshot.ended) { connection.stop(); return; }
      status(text.textConnected);
      root.dataset.joined = 'true';
    }, function (e) {
      // Refused (no place any more, full, not open yet): say why and stop; retrying would not help.
      joining = false;
      refused = true;
      connection.stop().then(function () { status(reason(e)); });
    });
  }

  var starting = false;
  function start() {
    if (starting || refused || state.ended || connection.state !== signalR.HubConnectionState.Disconnected) { return; }
    starting = true;
    connection.start().then(join, function () { status(text.textReconnecting); setTimeout(start, 2000); })
      .finally(function () { starting = false; });
  }

  connection.onreconnecting(function () { root.dataset.joined = 'false'; status(text.textReconnecting); });
  connection.onreconnected(function () { join(); });
  connection.onclose(function () { if (!state.ended && !refused && joined) { status(text.textReconnecting); setTimeout(start, 1000); } });
  window.addEventListener('online', start);
  document.addEventListener('visibilitychange', function () { if (!document.hidden) { start(); } });

  $('chat-form').addEventListener('submit', function (e) {
    e.preventDefault();
    var input = $('chat-text');
    var message = input.value.trim();
    if (!message) { return; }
    invoke('SendChat', message).then(function () { input.value = ''; $('chat-status').textContent = ''; },
      function (err) { $('chat-status').textContent = reason(err); });
  });

  if ($('hand')) {
    $('hand').addEventListener('click', function () { invoke(state.hand ? 'LowerHand' : 'RaiseHand').catch(function () {}); });
  }

  if (trainer) {
    $('previous-slide').addEventListener('click', function () { invoke('ShowSlide', state.slide - 1).catch(function () {}); });
    $('next-slide').addEventListener('click', function () { invoke('ShowSlide', state.slide + 1).catch(function () {}); });
    $('open-poll').addEventListener('submit', function (e) {
      e.preventDefault();
      var answers = $('poll-answers').value.split('\n').map(function (a) { return a.trim(); }).filter(Boolean);
      invoke('OpenPoll', $('poll-question').value, answers, $('poll-multiple').checked)
        .then(function () { e.target.reset(); e.target.closest('details').open = false; }).catch(function () {});
    });
    $('end-class').addEventListener('click', function () { $('end-class').hidden = true; $('end-class-confirm').hidden = false; $('end-class-confirm').focus(); });
    $('end-class-confirm').addEventListener('click', function () { invoke('EndClass').catch(function () {}); });
  }

  start();
})();
