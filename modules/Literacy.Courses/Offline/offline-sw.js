// The offline reader's service worker. Its scope is /courses/: it keeps the courses a learner saved (their pages and
// the CSS, scripts and pictures those pages use) and the answers given without internet, which it sends when the
// connection is back. Plain script, same origin, nothing from elsewhere (the site's CSP allows 'self' only).
'use strict';

const SAVED = 'literacy-offline-v1';
const OUTBOX = 'literacy-outbox-v1';
// The two forms a learner sends from a lesson: "I have finished this lesson" and a quiz's answers.
const PROGRESS = /^\/courses\/[a-z0-9-]+\/(lessons\/[a-z0-9-]+\/done|quizzes\/[a-z0-9-]+)$/;
const TOKEN = /name="__RequestVerificationToken" type="hidden" value="([^"]+)"/;
const LEARNER = /data-learner="([0-9a-f]+)"/; // who is signed in, on a lesson page (see OfflineLearner.cs)

self.addEventListener('install', () => self.skipWaiting());
self.addEventListener('activate', event => event.waitUntil(self.clients.claim()));

self.addEventListener('message', event => {
  const reply = value => event.ports[0] && event.ports[0].postMessage(value);
  const type = event.data && event.data.type;
  if (type === 'save') {
    event.waitUntil(save(event.data.course).then(() => reply(true), () => reply(false)));
  } else if (type === 'send') {
    event.waitUntil(send());
  }
});

// Chromium wakes the worker when the connection returns, even with no page open.
self.addEventListener('sync', event => {
  if (event.tag === 'outbox') {
    event.waitUntil(send());
  }
});

self.addEventListener('fetch', event => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) {
    return;
  }

  if (request.method === 'POST' && PROGRESS.test(url.pathname)) {
    event.respondWith(sendOrKeep(request));
  } else if (request.method === 'GET' && !request.headers.has('Range') && !['video', 'audio', 'track'].includes(request.destination)) {
    // Video stays online only: too heavy for a phone's storage, and its range requests are the server's business.
    event.respondWith(networkElseSaved(event, request));
  }
});

/** Online, the network answers and a saved copy is refreshed; offline, the saved copy answers. */
async function networkElseSaved(event, request) {
  const saved = await caches.open(SAVED);
  try {
    const response = await fetch(request);
    if (response.ok && !response.redirected) {
      const copy = response.clone();
      event.waitUntil(saved.match(request, { ignoreVary: true }).then(old => old && saved.put(request, copy)));
    }

    return response;
  } catch (offline) {
    const copy = await saved.match(request, { ignoreVary: true });
    if (copy) {
      return copy;
    }

    throw offline;
  }
}

/** Saves a course: the list of its pages first, then each page and every file it links, the list itself last. */
async function save(courseUrl) {
  const saved = await caches.open(SAVED);
  const listUrl = `${courseUrl}/offline`;
  const list = await fetch(listUrl);
  if (!list.ok) {
    throw new Error(`${listUrl}: ${list.status}`);
  }

  const course = await list.clone().json();
  const files = new Set();
  for (const page of [course.course, ...course.lessons]) {
    const response = await fetch(page);
    if (!response.ok || response.redirected) {
      throw new Error(`${page}: ${response.status}`);
    }

    linked(await response.clone().text()).forEach(file => files.add(file));
    await saved.put(page, response);
  }

  for (const file of files) {
    const response = await fetch(file);
    if (response.ok) {
      await saved.put(file, response);
    }
  }

  await saved.put(listUrl, list);
}

/** The same-origin style sheets, scripts and pictures a page links (video is left out on purpose). */
function linked(html) {
  const found = [];
  for (const pattern of [/<link[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g, /<script[^>]*\bsrc="([^"]+)"/g, /<img[^>]*\bsrc="([^"]+)"/g]) {
    for (const match of html.matchAll(pattern)) {
      const url = new URL(match[1].replaceAll('&amp;', '&'), self.location.origin);
      if (url.origin === self.location.origin) {
        found.push(url.href);
      }
    }
  }

  return found;
}

/**
 * A lesson finished or a quiz answered: sent at once when possible. Without a connection the form is kept in the
 * outbox with its submission id (made on the phone, see offline.js), and the learner goes on as if it had been sent.
 */
async function sendOrKeep(request) {
  const body = await request.clone().text();
  try {
    return await fetch(request);
  } catch {
    const url = new URL(request.url);
    const done = url.pathname.endsWith('/done');
    const page = request.referrer || (done ? url.pathname.slice(0, -'/done'.length) : url.pathname.replace(/\/quizzes\/.*$/, ''));
    const outbox = await caches.open(OUTBOX);
    // Keys sort in the order the learner acted: the time, padded, then a random part for two in one millisecond.
    await outbox.put(`/courses/outbox/${String(Date.now()).padStart(15, '0')}-${crypto.randomUUID()}`,
      new Response(JSON.stringify({ url: url.pathname, body, page: new URL(page, self.location.origin).pathname })));
    if (self.registration.sync) {
      self.registration.sync.register('outbox').catch(() => {});
    }

    await report({});
    return Response.redirect(await afterwards(url, page, done), 303);
  }
}

/** Where the server would have sent the learner: the next saved lesson after "finished", the quiz after answering it. */
async function afterwards(url, page, done) {
  const courseUrl = url.pathname.split('/').slice(0, 3).join('/');
  if (!done) {
    return `${new URL(page, self.location.origin).pathname}#quiz-${url.pathname.split('/').pop()}`;
  }

  const list = await (await caches.open(SAVED)).match(`${courseUrl}/offline`);
  const lessons = list ? (await list.json()).lessons : [];
  const next = lessons.indexOf(url.pathname.slice(0, -'/done'.length)) + 1;
  return next > 0 && next < lessons.length ? lessons[next] : courseUrl;
}

let sending = null;

/** Sends the outbox in order, one at a time; a second call while sending waits for the same run. */
function send() {
  sending = sending || flush().finally(() => { sending = null; });
  return sending;
}

async function flush() {
  const outbox = await caches.open(OUTBOX);
  const keys = (await outbox.keys()).sort((a, b) => (a.url < b.url ? -1 : 1));
  let sent = 0;
  let signIn = false;
  for (const key of keys) {
    const item = await (await outbox.match(key)).json();
    const result = await deliver(item);
    if (result === 'later') {
      break;
    }

    if (result === 'sign-in') {
      signIn = true;
      break;
    }

    // Sent, or refused for good (the course was withdrawn): either way it must not be tried again.
    await outbox.delete(key);
    sent += result === 'sent' ? 1 : 0;
  }

  await report({ sent, signIn });
}

/**
 * Posts one kept form. Its antiforgery token may be stale by now (a new browser session), so a fresh one is taken from
 * the lesson page first; the submission id stays the same, so the server ignores a form it already has. The page also
 * says who is signed in now: a form kept for someone else waits until they are back.
 */
async function deliver(item) {
  let html;
  try {
    html = await (await fetch(item.page)).text();
  } catch {
    return 'later';
  }

  const token = TOKEN.exec(html);
  const learner = LEARNER.exec(html);
  const body = new URLSearchParams(item.body);
  if (!token || !learner || (body.has('learner') && body.get('learner') !== learner[1])) {
    return 'sign-in'; // nobody is signed in on this phone now, or someone else is
  }

  body.set('__RequestVerificationToken', token[1]); // base64url: nothing in it is HTML-escaped
  try {
    const response = await fetch(item.url, { method: 'POST', body, redirect: 'manual' });
    if (response.type === 'opaqueredirect' || response.ok) {
      return 'sent';
    }

    return response.status >= 500 ? 'later' : 'refused';
  } catch {
    return 'later';
  }
}

/** Tells the open course pages how many answers wait on the phone, and what was just sent. */
async function report(news) {
  const waiting = (await (await caches.open(OUTBOX)).keys()).length;
  for (const client of await self.clients.matchAll({ type: 'window' })) {
    client.postMessage({ type: 'outbox', waiting, sent: news.sent || 0, signIn: !!news.signIn });
  }
}
