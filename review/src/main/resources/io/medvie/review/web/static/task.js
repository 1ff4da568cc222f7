// The task view: the page with every field's box, the fields beside it, all of it usable from
// the keyboard. The working copy of the document lives here until it is submitted.
import { api, el, time } from './common.js';

const PATIENT = ['name', 'id', 'sex', 'birth_date', 'age'];
const REPORT = ['lab_name', 'report_id', 'collected_at', 'reported_at', 'ordering_physician', 'specimen'];
const COLUMNS = ['name', 'value', 'unit', 'reference_range', 'flag'];
const LABELS = {
  name: 'Name', id: 'ID', sex: 'Sex', birth_date: 'Birth date', age: 'Age', lab_name: 'Lab',
  report_id: 'Report ID', collected_at: 'Collected', reported_at: 'Reported',
  ordering_physician: 'Ordering physician', specimen: 'Specimen',
};

const taskId = decodeURIComponent(location.pathname.split('/').pop());
const statusBar = document.getElementById('status');
const image = document.getElementById('page-image');
const svg = document.getElementById('boxes');

let task;
let editable = false;
let fieldsByPath = new Map();   // model path -> extracted field (confidence, page, box)
let checksByPath = new Map();   // model path -> reasons
let cells = [];                 // every editable value, in keyboard order
let rows = [];                  // test rows: {origin, values, accepted}
let selected = -1;
let editing = null;             // {cell, before}
let currentPage = 0;
let submitting = false;

function say(text, ok = false) {
  statusBar.textContent = text;
  statusBar.classList.toggle('ok', ok);
}

async function load() {
  const response = await api('GET', '/api/tasks/' + encodeURIComponent(taskId));
  if (!response.ok) {
    say(response.data?.reason ?? 'Cannot open this task.');
    return;
  }
  task = response.data;
  editable = task.editable;
  document.getElementById('task-title').textContent =
    'Task ' + task.taskId + ' · model ' + task.modelVersion + (editable ? '' : ' · read only');
  fieldsByPath = new Map(task.fields.map((f) => [f.path, f]));
  checksByPath = new Map();
  for (const c of task.checks) {
    if (!checksByPath.has(c.path)) checksByPath.set(c.path, []);
    checksByPath.get(c.path).push(c.reason);
  }
  const reasons = [...(task.reasons || []), ...task.checks.filter((c) => !c.path || c.path === '$').map((c) => c.reason)];
  document.getElementById('reasons').replaceChildren(...reasons.map((r) => el('li', {}, r)));
  const doc = task.document || {};
  rows = (doc.tests || []).map((t, i) => ({ origin: i, values: { ...t }, accepted: new Set() }));
  renderSection('patient', PATIENT, doc.patient || {});
  renderSection('report', REPORT, doc.report || {});
  renderTests();
  renderHistory();
  renderPageTabs();
  showPage(0);
  for (const b of ['skip', 'submit', 'add-row']) document.getElementById(b).disabled = !editable;
  if (editable) {
    setInterval(renew, Math.max(5000, task.leaseMs / 3));
    showLease(task.leaseUntil);
  }
  const firstUncertain = cells.findIndex((c) => c.uncertain);
  select(firstUncertain >= 0 ? firstUncertain : 0);
  document.body.dataset.ready = 'true';
}

// ---- fields -------------------------------------------------------------------------------

function makeCell({ section, key, row, column, value, modelValue, originPath }) {
  const field = originPath ? fieldsByPath.get(originPath) : undefined;
  const reasons = originPath ? checksByPath.get(originPath) : undefined;
  const input = el('input', {
    value: value ?? '', readonly: true, spellcheck: 'false', autocomplete: 'off',
    placeholder: value === undefined || value === null ? 'missing' : '',
    'aria-label': originPath ?? (section + '.' + key),
  });
  const td = el('td', { class: 'cell' }, input);
  const cell = {
    section, key, row, column, input, td, originPath, modelValue: modelValue ?? null,
    uncertain: Boolean(reasons), accepted: false,
  };
  if (reasons) {
    const confidence = field ? ' · ' + Math.round(field.confidence * 100) + '%' : '';
    td.append(el('span', { class: 'why' }, reasons.join('; ') + confidence));
  }
  if (field) td.title = 'confidence ' + Math.round(field.confidence * 100) + '%';
  if (value === undefined || value === null || value === '') td.classList.add('missing');
  input.addEventListener('mousedown', (e) => {
    const index = cells.indexOf(cell);
    if (selected === index && editable && !editing) {
      e.preventDefault();
      startEdit();
    } else if (!editing || editing.cell !== cell) {
      e.preventDefault();
      if (editing) commitEdit(false);
      select(index);
    }
  });
  input.addEventListener('blur', () => {
    if (editing && editing.cell === cell) commitEdit(false);
  });
  paint(cell);
  return cell;
}

function renderSection(section, keys, values) {
  const all = [...keys, ...Object.keys(values).filter((k) => !keys.includes(k))];
  const tbody = document.querySelector('#' + section + '-fields tbody');
  const sectionCells = all.map((key) => makeCell({
    section, key, value: values[key], modelValue: values[key], originPath: section + '.' + key,
  }));
  tbody.replaceChildren(...sectionCells.map((c) =>
    el('tr', {}, el('th', {}, LABELS[c.key] ?? c.key), c.td)));
  cells = cells.filter((c) => c.section !== section).concat(sectionCells);
  orderCells();
}

function renderTests() {
  const keep = selected >= 0 ? cells[selected] : null;
  const modelRows = task.document?.tests || [];
  const tbody = document.querySelector('#tests tbody');
  const testCells = [];
  const trs = rows.map((r, i) => {
    const rowCells = COLUMNS.map((column) => makeCell({
      section: 'tests', row: r, column, value: r.values[column],
      modelValue: r.origin === null ? null : modelRows[r.origin]?.[column],
      originPath: r.origin === null ? null : 'tests[' + r.origin + '].' + column,
    }));
    rowCells.forEach((c) => { c.accepted = r.accepted.has(c.column); paint(c); });
    testCells.push(...rowCells);
    const remove = el('button', { title: 'Remove row (-)', disabled: !editable, onclick: () => removeRow(r) }, '×');
    return el('tr', { class: r.origin === null ? 'added' : '' },
      el('td', { class: 'rowno' }, i + 1), ...rowCells.map((c) => c.td), el('td', { class: 'rowtools' }, remove));
  });
  tbody.replaceChildren(...trs);
  cells = cells.filter((c) => c.section !== 'tests').concat(testCells);
  orderCells();
  if (keep) {
    const again = cells.findIndex((c) => c.row === keep.row && c.column === keep.column && c.section === keep.section && c.key === keep.key);
    selected = -1;
    if (again >= 0) select(again);
  }
}

function orderCells() {
  const rank = { patient: 0, report: 1, tests: 2 };
  cells.sort((a, b) => rank[a.section] - rank[b.section]
    || (a.section === 'tests' ? rows.indexOf(a.row) - rows.indexOf(b.row) || COLUMNS.indexOf(a.column) - COLUMNS.indexOf(b.column) : 0));
}

function currentValue(cell) {
  return cell.input.value.trim();
}

function paint(cell) {
  const value = currentValue(cell);
  const edited = value !== (cell.modelValue ?? '');
  cell.td.classList.toggle('uncertain', cell.uncertain && !cell.accepted && !edited);
  cell.td.classList.toggle('accepted', cell.accepted && !edited);
  cell.td.classList.toggle('edited', edited);
  const rect = cell.originPath ? svg.querySelector('rect[data-path="' + CSS.escape(cell.originPath) + '"]') : null;
  if (rect) {
    rect.classList.toggle('uncertain', cell.uncertain && !cell.accepted && !edited);
    rect.classList.toggle('accepted', cell.accepted && !edited);
    rect.classList.toggle('edited', edited);
  }
}

function select(index) {
  if (cells.length === 0) return;
  index = Math.max(0, Math.min(cells.length - 1, index));
  if (selected >= 0 && cells[selected]) cells[selected].td.classList.remove('selected');
  svg.querySelectorAll('rect.selected').forEach((r) => r.classList.remove('selected'));
  selected = index;
  const cell = cells[index];
  cell.td.classList.add('selected');
  cell.input.focus({ preventScroll: true });
  cell.td.scrollIntoView({ block: 'nearest' });
  document.body.dataset.selected = cell.originPath ?? '';
  const field = cell.originPath ? fieldsByPath.get(cell.originPath) : undefined;
  if (field && field.box) {
    if ((field.page ?? 0) !== currentPage) showPage(field.page ?? 0);
    const rect = svg.querySelector('rect[data-path="' + CSS.escape(cell.originPath) + '"]');
    if (rect) {
      rect.classList.add('selected');
      rect.parentNode.append(rect); // drawn last, so on top of its neighbours
      rect.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }
}

function move(step) {
  select(selected + step);
}

function nextUncertain() {
  for (let i = 1; i <= cells.length; i++) {
    const index = (selected + i) % cells.length;
    const c = cells[index];
    if (c.uncertain && !c.accepted && currentValue(c) === (c.modelValue ?? '')) {
      select(index);
      return;
    }
  }
  say('No unchecked uncertain field left.', true);
}

function accept() {
  const cell = cells[selected];
  if (!cell || !editable) return;
  cell.accepted = true;
  if (cell.section === 'tests') cell.row.accepted.add(cell.column);
  paint(cell);
  move(1);
}

function startEdit() {
  const cell = cells[selected];
  if (!cell || !editable || editing) return;
  editing = { cell, before: cell.input.value };
  cell.input.readOnly = false;
  cell.input.focus();
  cell.input.select();
}

function commitEdit(advance) {
  const { cell } = editing;
  editing = null;
  cell.input.readOnly = true;
  cell.input.value = currentValue(cell);
  if (cell.section === 'tests') cell.row.values[cell.column] = cell.input.value;
  cell.td.classList.toggle('missing', cell.input.value === '');
  cell.input.placeholder = cell.input.value === '' ? 'missing' : '';
  paint(cell);
  if (advance) move(1);
}

function cancelEdit() {
  const { cell, before } = editing;
  cell.input.value = before;
  commitEdit(false);
}

function addRow() {
  if (!editable) return;
  const at = selected >= 0 && cells[selected].section === 'tests' ? rows.indexOf(cells[selected].row) + 1 : rows.length;
  const row = { origin: null, values: {}, accepted: new Set() };
  rows.splice(at, 0, row);
  renderTests();
  select(cells.findIndex((c) => c.row === row && c.column === 'name'));
  startEdit();
}

function removeRow(row) {
  if (!editable) return;
  const target = row ?? (selected >= 0 && cells[selected].section === 'tests' ? cells[selected].row : null);
  if (!target) {
    say('Select a field of the row to remove.');
    return;
  }
  const index = rows.indexOf(target);
  rows.splice(index, 1);
  const before = selected;
  renderTests();
  const next = cells.findIndex((c) => c.section === 'tests' && c.row === rows[Math.min(index, rows.length - 1)]);
  select(next >= 0 ? next : Math.min(before, cells.length - 1));
  say('Row ' + (index + 1) + ' removed.');
}

function renderHistory() {
  if (!task.history || task.history.length === 0) return;
  const section = document.getElementById('history');
  section.hidden = false;
  section.querySelector('tbody').replaceChildren(...task.history.map((h) => el('tr', {},
    el('td', {}, h.path), el('td', {}, h.modelValue ?? '–'), el('td', {}, h.reviewerValue ?? '–'),
    el('td', {}, h.action.toLowerCase()), el('td', {}, h.reviewer), el('td', {}, time(h.at)))));
}

// ---- page and boxes -----------------------------------------------------------------------

function renderPageTabs() {
  const tabs = document.getElementById('page-tabs');
  if (task.pages.length <= 1) {
    tabs.replaceChildren();
    return;
  }
  tabs.replaceChildren(...task.pages.map((p) =>
    el('button', { dataset: { page: p.index }, onclick: () => showPage(p.index) }, 'Page ' + (p.index + 1))));
}

function showPage(index) {
  currentPage = index;
  document.querySelectorAll('#page-tabs button').forEach((b) =>
    b.classList.toggle('current', Number(b.dataset.page) === index));
  svg.replaceChildren();
  image.onload = drawBoxes;
  image.src = task.pages[index].url;
  if (image.complete && image.naturalWidth > 0) drawBoxes();
}

function drawBoxes() {
  const scale = task.boxScale;
  svg.setAttribute('viewBox', '0 0 ' + image.naturalWidth + ' ' + image.naturalHeight);
  svg.setAttribute('preserveAspectRatio', 'none');
  const ns = 'http://www.w3.org/2000/svg';
  const rects = [];
  for (const f of task.fields) {
    if (!f.box || (f.page ?? 0) !== currentPage) continue;
    const rect = document.createElementNS(ns, 'rect');
    rect.setAttribute('class', 'box');
    rect.setAttribute('x', f.box.x * scale);
    rect.setAttribute('y', f.box.y * scale);
    rect.setAttribute('width', f.box.width * scale);
    rect.setAttribute('height', f.box.height * scale);
    rect.dataset.path = f.path;
    const title = document.createElementNS(ns, 'title');
    title.textContent = f.path + ' · ' + Math.round(f.confidence * 100) + '%';
    rect.append(title);
    rect.addEventListener('click', () => {
      if (editing) commitEdit(false);
      const index = cells.findIndex((c) => c.originPath === f.path);
      if (index >= 0) select(index);
    });
    rects.push(rect);
  }
  svg.replaceChildren(...rects);
  cells.forEach(paint);
  if (selected >= 0) {
    const path = cells[selected].originPath;
    const rect = path ? svg.querySelector('rect[data-path="' + CSS.escape(path) + '"]') : null;
    if (rect) rect.classList.add('selected');
  }
  document.body.dataset.boxes = String(rects.length);
}

// ---- claim, skip, submit ------------------------------------------------------------------

function showLease(until) {
  if (until) document.getElementById('lease').textContent = 'claim held until ' + new Date(until).toLocaleTimeString();
}

async function renew() {
  const response = await api('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/renew');
  if (response.ok) showLease(response.data.leaseUntil);
  else say(response.data?.reason ?? 'Lost the claim on this task.');
}

function documentOf() {
  const doc = { patient: {}, report: {}, tests: [] };
  const origins = [];
  for (const c of cells) {
    if (c.section !== 'tests' && currentValue(c) !== '') doc[c.section][c.key] = currentValue(c);
  }
  for (const r of rows) {
    const test = {};
    for (const column of COLUMNS) {
      const v = (r.values[column] ?? '').trim();
      if (v !== '') test[column] = v;
    }
    if (Object.keys(test).length > 0) {
      doc.tests.push(test);
      origins.push(r.origin);
    }
  }
  return { document: doc, rowOrigins: origins };
}

async function submit() {
  if (!editable || submitting) return;
  if (editing) commitEdit(false);
  submitting = true;
  say('Submitting…');
  try {
    const response = await api('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/submit', documentOf());
    if (response.status === 422) {
      say('Not valid: ' + response.data.violations.join('; '));
      return;
    }
    if (!response.ok) {
      say(response.data?.reason ?? 'Submit failed.');
      return;
    }
    editable = false;
    document.body.dataset.submitted = 'true';
    say('Submitted: ' + response.data.corrections + ' corrections. Opening the next task…', true);
    await goNext();
  } finally {
    submitting = false;
  }
}

async function skip() {
  if (!editable) return;
  const response = await api('POST', '/api/tasks/' + encodeURIComponent(taskId) + '/skip');
  if (!response.ok) {
    say(response.data?.reason ?? 'Skip failed.');
    return;
  }
  editable = false;
  await goNext();
}

async function goNext() {
  const next = await api('POST', '/api/tasks/next');
  location.href = next.status === 200 ? '/tasks/' + encodeURIComponent(next.data.taskId) : '/';
}

// ---- keyboard -----------------------------------------------------------------------------

document.addEventListener('keydown', (e) => {
  if (e.altKey || e.metaKey) return;
  if (e.key === 'Enter' && e.ctrlKey) {
    e.preventDefault();
    submit();
    return;
  }
  if (editing) {
    if (e.key === 'Enter') {
      e.preventDefault();
      commitEdit(true);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      cancelEdit();
    }
    return;
  }
  if (e.ctrlKey || !task) return;
  const actions = {
    j: () => move(1), ArrowDown: () => move(1), k: () => move(-1), ArrowUp: () => move(-1),
    u: nextUncertain, a: accept, e: startEdit, Enter: startEdit, '+': addRow, '-': () => removeRow(null),
    x: skip,
  };
  const action = actions[e.key];
  if (action) {
    e.preventDefault();
    action();
  }
});

document.getElementById('submit').addEventListener('click', submit);
document.getElementById('skip').addEventListener('click', skip);
document.getElementById('add-row').addEventListener('click', addRow);
load();
