// Offline reading, on the course and lesson pages: the "save for offline" control, a line that says what waits on the
// phone, and a fresh submission id for each form on each page view. Everything it shows is in the HTML, hidden, with
// its words from the resources; without service workers (or without JavaScript) nothing of it appears.
(() => {
  // A page kept on the phone is shown again and again: each showing gets ids of its own, so two tries of a quiz
  // stay two tries. A double tap on one form sends one id, and the server keeps the first. Each form also carries
  // whose answer it is, so that a kept one is only ever sent for that learner (see offline-sw.js).
  const status = document.querySelector('.offline-status');
  const renew = () => document.querySelectorAll('input[name="submissionId"]').forEach((input) => {
    input.value = crypto.randomUUID();
    if (status && status.dataset.learner && !input.form.elements.learner) {
      const learner = Object.assign(document.createElement('input'), { type: 'hidden', name: 'learner', value: status.dataset.learner });
      input.after(learner);
    }
  });
  if (window.crypto && crypto.randomUUID) {
    renew();
    window.addEventListener('pageshow', (event) => event.persisted && renew());
  }

  if (!('serviceWorker' in navigator) || !window.caches) return;

  const say = (text) => {
    if (!status) return;
    status.textContent = text;
    status.hidden = !text;
  };
  const offlineLine = () => (navigator.onLine ? '' : status.dataset.offline);

  // Whatever waits goes out as soon as the connection is back, and on every course page shown online.
  const send = () => navigator.serviceWorker.controller && navigator.serviceWorker.controller.postMessage({ type: 'send' });
  // A connection that has just come back often fails the first try: while the page is open and says online, try
  // again after 2 s, 4 s, ... up to a minute.
  let pause = 2000;
  navigator.serviceWorker.addEventListener('message', (event) => {
    const news = event.data || {};
    if (news.type !== 'outbox') return;
    if (news.waiting > 0 && !news.signIn && navigator.onLine) {
      setTimeout(send, pause);
      pause = Math.min(pause * 2, 60000);
    } else {
      pause = 2000;
    }
    if (!status) return;
    if (news.signIn) say(status.dataset.signIn);
    else if (news.waiting > 0) say(status.dataset.waiting.replace('{0}', news.waiting));
    else if (news.sent > 0) say(status.dataset.sent);
    else say(offlineLine());
  });
  window.addEventListener('online', send);
  window.addEventListener('offline', () => status && say(status.dataset.offline));
  if (status) say(offlineLine());
  send();

  const box = document.querySelector('.save-offline');
  if (!box) return;
  const button = box.querySelector('button');
  const note = box.querySelector('[role="status"]');
  const ask = (worker, message) => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = (event) => resolve(event.data);
    worker.postMessage(message, [channel.port2]);
  });

  box.hidden = false;
  caches.open('literacy-offline-v1')
    .then((saved) => saved.match(`${box.dataset.course}/offline`))
    .then((list) => { if (list) note.textContent = box.dataset.saved; });
  button.addEventListener('click', async () => {
    button.disabled = true;
    note.textContent = box.dataset.saving;
    try {
      await navigator.serviceWorker.register(box.dataset.worker, { scope: '/courses/' });
      const registration = await navigator.serviceWorker.ready;
      note.textContent = (await ask(registration.active, { type: 'save', course: box.dataset.course })) ? box.dataset.saved : box.dataset.failed;
    } catch {
      note.textContent = box.dataset.failed;
    }
    button.disabled = false;
  });
})();
