import { api, el, duration, time } from './common.js';

async function load() {
  const { data } = await api('GET', '/api/admin/stats');
  const t = data.throughput;
  document.getElementById('per-hour').textContent = t.tasksPerHour24h.toFixed(1);
  document.getElementById('last-hour').textContent = t.doneLastHour;
  document.getElementById('median').textContent = duration(t.medianMs);
  document.getElementById('mean').textContent = duration(t.meanMs);
  document.getElementById('done-total').textContent = t.doneTotal;
  const most = Math.max(1, ...t.hours.map((h) => h.tasks));
  document.querySelector('#hours tbody').replaceChildren(...t.hours.map((h) => {
    const bar = el('span');
    bar.style.width = Math.round(200 * h.tasks / most) + 'px';
    return el('tr', {}, el('td', {}, new Date(h.startMs).toISOString().slice(0, 13) + ':00'),
      el('td', {}, h.tasks), el('td', { class: 'bar-cell' }, bar));
  }));
  document.querySelector('#fields tbody').replaceChildren(...t.fields.map((f) => el('tr', {},
    el('td', {}, f.field), el('td', {}, f.reviewed), el('td', {}, f.corrected),
    el('td', {}, (100 * f.rate).toFixed(1) + ' %'))));
  document.querySelector('#reviewers tbody').replaceChildren(...t.reviewers.map((r) => el('tr', {},
    el('td', {}, r.reviewer), el('td', {}, r.tasks), el('td', {}, duration(r.medianMs)))));
  const percent = (v) => (v === null || v === undefined ? '-' : (100 * v).toFixed(1) + ' %');
  const quality = (await api('GET', '/api/admin/quality')).data ?? [];
  document.querySelector('#quality tbody').replaceChildren(...quality.map((q) => el('tr', {},
    el('td', {}, q.modelVersion), el('td', {}, q.field), el('td', {}, q.autoAcceptedChecked),
    el('td', {}, q.autoAcceptedCorrect), el('td', {}, percent(q.autoAcceptedAccuracy)),
    el('td', {}, q.reviewed), el('td', {}, q.reviewedCorrected), el('td', {}, percent(q.correctionRate)),
    el('td', {}, q.confidentChecked), el('td', {}, percent(q.confidentAccuracy)), el('td', {}, percent(q.flaggedAccuracy)))));
  const accounts = (await api('GET', '/api/admin/accounts')).data;
  const me = document.body.dataset.user;
  document.querySelector('#accounts tbody').replaceChildren(...accounts.map((a) => el('tr', {},
    el('td', {}, a.username), el('td', {}, a.role), el('td', {}, a.disabled ? 'disabled' : 'active'),
    el('td', {}, time(a.updatedAt)), el('td', {}, a.updatedBy),
    el('td', {}, a.username === me ? '' : el('button', {
      type: 'button',
      onclick: () => setDisabled(a.username, !a.disabled),
    }, a.disabled ? 'Enable' : 'Disable')))));
}

async function setDisabled(username, disabled) {
  const response = await api('POST', '/api/admin/accounts/' + encodeURIComponent(username) + '/disabled', { disabled });
  document.getElementById('account-message').textContent = response.ok
    ? (disabled ? 'Disabled ' : 'Enabled ') + username
    : (response.data?.reason ?? 'Failed');
  load();
}

document.getElementById('account-form').addEventListener('submit', async (e) => {
  e.preventDefault();
  const form = new FormData(e.target);
  const response = await api('POST', '/api/admin/accounts', Object.fromEntries(form.entries()));
  document.getElementById('account-message').textContent =
    response.ok ? 'Saved ' + response.data.username : (response.data?.reason ?? 'Failed');
  if (response.ok) {
    e.target.reset();
    load();
  }
});
load();
