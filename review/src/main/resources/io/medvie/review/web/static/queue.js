import { api, el, duration, time } from './common.js';

const message = document.getElementById('message');

async function load() {
  const { data } = await api('GET', '/api/queue');
  document.getElementById('count-open').textContent = data.counts.open;
  document.getElementById('count-claimed').textContent = data.counts.claimed;
  document.getElementById('count-done').textContent = data.counts.done;
  const now = Date.now();
  const rows = data.tasks.map((t, i) => el('tr', { dataset: { task: t.taskId } },
    el('td', {}, i + 1),
    el('td', {}, t.taskId),
    el('td', {}, t.priority.toFixed(2)),
    el('td', {}, duration(now - t.createdAt)),
    el('td', {}, (t.reasons || []).join(', ')),
    el('td', {}, t.status === 'CLAIMED' ? 'claimed by ' + t.claimedBy : 'open')));
  document.querySelector('#queue tbody').replaceChildren(...rows);
  const done = data.done.map((t) => el('tr', {},
    el('td', {}, el('a', { href: '/tasks/' + encodeURIComponent(t.taskId) }, t.taskId)),
    el('td', {}, t.doneBy), el('td', {}, time(t.doneAt)), el('td', {}, t.corrections)));
  document.querySelector('#done tbody').replaceChildren(...done);
}

async function start() {
  message.textContent = 'Claiming…';
  const response = await api('POST', '/api/tasks/next');
  if (response.status === 204) {
    message.textContent = 'Nothing to review right now.';
    return;
  }
  if (!response.ok) {
    message.textContent = response.data?.reason ?? 'Could not claim a task.';
    return;
  }
  location.href = '/tasks/' + encodeURIComponent(response.data.taskId);
}

document.getElementById('start').addEventListener('click', start);
document.addEventListener('keydown', (e) => {
  if (e.key === 'Enter' && !(e.target instanceof HTMLInputElement) && !(e.target instanceof HTMLButtonElement)) {
    e.preventDefault();
    start();
  }
});
load();
setInterval(load, 15000);

document.getElementById('password-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const response = await api('POST', '/api/session/password', Object.fromEntries(form.entries()));
  document.getElementById('password-message').textContent =
    response.ok ? 'Password changed; your other sessions are signed out.' : (response.data?.reason ?? 'Failed');
  if (response.ok) e.target.reset();
});
