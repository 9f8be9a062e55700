// The instructor's pages: without ?c, their courses and a form for a new one; with ?c, the course's
// roster, assignments and gradebook.
import { api } from './api.js';
import { dueText, failure, fill, h, header, params, requireToken, say } from './page.js';
import { form, table } from './forms.js';
import { accessPanel, invitationsPanel } from './instructor-access.js';
import { exercisePicker } from './picker.js';
import { showGrades } from './gradebook.js';

header('instructor.html');
requireToken();
const $ = id => document.getElementById(id);
const { c } = params();
const enc = encodeURIComponent;

async function courses() {
  const list = await api('GET', '/api/courses');
  const invitations = h('section', { 'aria-label': 'Invitations' });
  $('content').replaceChildren(invitations,
    h('h2', {}, 'Your courses'),
    list.length ? h('ul', {}, list.map(x => h('li', {}, h('a', { href: `instructor.html?c=${enc(x.id)}` }, x.title), ` (${x.id})`))) : h('p', { class: 'muted' }, 'None yet.'),
    h('h2', {}, 'New course'),
    form('New course', [{ name: 'id', label: 'Course id', required: true, hint: 'letters, digits, - and _' }, { name: 'title', label: 'Title', required: true }],
      'Create course', async v => { await api('POST', '/api/courses', v); location.href = `instructor.html?c=${enc(v.id)}`; }),
    h('p', {}, h('a', { href: 'preview.html' }, 'Preview the exercise library'), ' — every exercise with its answer key, and any file that failed to load.'),
    h('p', {}, h('a', { href: 'lti-platforms.html' }, 'LMS platforms (LTI 1.3)'), ' — the admin registers Canvas, Moodle and other LMSs here.'));
  await invitationsPanel(invitations, $('message'));
}

async function course() {
  const [info, lib] = await Promise.all([api('GET', `/api/courses/${enc(c)}`), api('GET', '/api/exercises')]);
  document.title = `${info.title} — refgrade`;
  $('title').textContent = info.title;
  const roster = h('section', { 'aria-labelledby': 'roster-h' });
  const assignments = h('section', { 'aria-labelledby': 'assignments-h' });
  const grades = h('section', { 'aria-labelledby': 'grades-h' });
  const access = h('section', { 'aria-labelledby': 'access-h' });
  grades.id = 'grades';
  $('content').replaceChildren(h('p', {}, h('a', { href: 'instructor.html' }, '← All courses')), settings(info), pythonChoice(info, lib.pythons, assignments),
    roster, assignments, grades, access);
  await Promise.all([showRoster(roster), showAssignments(assignments), showGrades(grades, c, $('message')),
    api('GET', `/api/courses/${enc(c)}/students`).then(students => accessPanel(access, c, students, $('message')))]);
}

/** The course's title, changed under its id; and deleting it while it is empty (made by mistake). */
function settings(info) {
  const note = h('p', { role: 'status' });
  return h('details', { id: 'course-settings' }, h('summary', {}, 'Course settings'),
    form('Rename course', [{ name: 'title', label: 'Title', required: true, value: info.title }], 'Rename', async v => {
      const renamed = await api('PUT', `/api/courses/${enc(c)}`, { title: v.title });
      $('title').textContent = renamed.title;
      document.title = `${renamed.title} — refgrade`;
      say($('message'), `Course renamed to ${renamed.title}.`);
    }),
    h('button', { type: 'button', class: 'secondary', onclick: async () => {
      try {
        await api('DELETE', `/api/courses/${enc(c)}`);
        location.href = 'instructor.html';
      } catch (err) { say(note, failure(`deleting ${c}`, err), 'alert'); }
    } }, `Delete ${c}`), h('span', { class: 'muted' }, ' only while it has no students, assignments or LMS link'), note);
}

async function showRoster(el, issued = []) {
  const students = await api('GET', `/api/courses/${enc(c)}/students`);
  fill(el, h('h2', { id: 'roster-h' }, `Roster (${students.length})`),
    students.length ? table('Students', ['Id', 'Name'], students.map(s => [s.id, s.name])) : h('p', { class: 'muted' }, 'No students yet.'),
    issued.length ? h('div', { class: 'panel', id: 'issued' }, h('p', {}, h('strong', {}, 'New tokens — shown this once. '), 'Give each student theirs.'),
      table('New tokens', ['Student', 'Token'], issued.map(t => [t.id, h('code', {}, t.token)])),
      h('button', { type: 'button', id: 'download-tokens', onclick: () => saveTokens(issued) }, 'Download tokens CSV')) : null,
    form('Upload roster', [{ name: 'file', label: 'Roster CSV file', type: 'file', accept: '.csv,text/csv', required: true, hint: 'a header row id,name, then one student per row' }],
      'Upload roster', async v => {
        if (!v.file) throw new Error('choose a CSV file first');
        const tokens = await api('POST', `/api/courses/${enc(c)}/students`, await v.file.text());
        say($('message'), `${tokens.length} student${tokens.length === 1 ? '' : 's'} added.`);
        await Promise.all([showRoster(el, tokens), showGrades($('grades'), c, $('message'))]); // the new students' rows, blank
      }));
}

/** The CPython the course's keys are for (3.11 until chosen); an assignment may name its own. */
function pythonChoice(info, versions, assignments) {
  return h('section', { id: 'course-python', 'aria-labelledby': 'python-h' }, h('h2', { id: 'python-h' }, 'Python version'),
    form('Course Python', [{ name: 'python', label: 'Answers are for CPython', value: info.python, options: versions.map(v => [v, v]),
      hint: 'keys, grades and explanations follow it; an assignment may choose another, an exercise that names its own keeps it' }],
    'Save version', async v => {
      const saved = await api('PUT', `/api/courses/${enc(c)}`, { title: $('title').textContent, python: v.python });
      say($('message'), `Answers in ${saved.id} are now for CPython ${saved.python}; regrade an assignment to apply it to earlier submissions.`);
      await showAssignments(assignments);
    }));
}

/** A due date for a datetime-local input: local time, to the minute. */
const localInput = iso => { const d = new Date(iso); return new Date(d - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16); };

/** The fields of an assignment's form, for a new one (no a) or to edit a. */
function assignmentFields(lib, a) {
  return [
    ...(a ? [] : [{ name: 'id', label: 'Assignment id', required: true }]),
    { name: 'title', label: 'Title', required: true, value: a?.title },
    { name: 'due', label: 'Due', type: 'datetime-local', required: true, value: a ? localInput(a.due) : undefined },
    { name: 'release', label: 'Released to students (empty: at once)', type: 'datetime-local', value: a?.release ? localInput(a.release) : undefined,
      hint: 'before then, students do not see it' },
    { name: 'exercises', custom: exercisePicker(lib.exercises, a?.exercises.map(x => x.id)) },
    { name: 'rubric', label: 'Rubric', value: a?.rubric ?? '', options: [['', 'each exercise\'s own'], ...(lib.rubrics ?? []).map(r => [r, r])],
      hint: 'exam: one attempt, nothing revealed; practice: unlimited, truth shown at once' },
    { name: 'python', label: 'Python version', value: a?.python ?? '', options: [['', 'the course\'s'], ...(lib.pythons ?? []).map(v => [v, `CPython ${v}`])],
      hint: 'the CPython whose answers the key gives; an exercise that names its own keeps it' }];
}

const assignmentBody = v => ({ title: v.title, exercises: v.exercises, due: new Date(v.due).toISOString(),
  release: v.release ? new Date(v.release).toISOString() : null, python: v.python || null, ...(v.rubric ? { rubric: v.rubric } : {}) });

/** Extensions and extra attempts of one assignment: the list, each removable, and a form for one more. */
function accommodations(a, students) {
  const box = h('details', { class: 'accommodations', id: `acc-${a.id}` });
  const base = `/api/courses/${enc(c)}/assignments/${enc(a.id)}/accommodations`;
  const show = async () => {
    const list = await api('GET', base);
    fill(box, h('summary', {}, `Extensions and extra attempts (${list.length})`),
      list.length ? table(`Extensions of ${a.id}`, ['Student', 'Due', 'Extra attempts', 'Note', ''], list.map(x => [x.student,
        x.due ? dueText(x.due) : 'as the assignment', String(x.extra_attempts), x.note ?? '',
        h('button', { type: 'button', class: 'secondary small', 'aria-label': `remove ${x.student}'s extension`,
          onclick: async () => { await api('DELETE', `${base}/${enc(x.student)}`); await show(); box.open = true; } }, 'Remove')]))
        : h('p', { class: 'muted' }, 'None: every student has the assignment\'s due date and the rubric\'s attempts.'),
      form(`Extension for ${a.id}`, [
        { name: 'student', label: 'Student', options: students.map(s => [s.id, `${s.name} (${s.id})`]) },
        { name: 'due', label: 'Their due date (empty: as the assignment)', type: 'datetime-local' },
        { name: 'extra', label: 'Extra attempts', type: 'number', value: '0' },
        { name: 'note', label: 'Note (for instructors)' }],
      'Save extension', async v => {
        await api('PUT', `${base}/${enc(v.student)}`, { due: v.due ? new Date(v.due).toISOString() : null, extra_attempts: Number(v.extra || 0), note: v.note || null });
        await show();
        box.open = true;
        say($('message'), `Extension for ${v.student} on ${a.id} saved.`);
      }));
  };
  show().catch(err => say(box, failure('loading extensions', err), 'alert'));
  return box;
}

/** The tokens just issued as a CSV (student,name,token), made in the page: the server keeps only their hashes. */
function saveTokens(issued) {
  const cell = v => (/[",\r\n]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
  const csv = ['student,token', ...issued.map(t => `${cell(t.id)},${cell(t.token)}`)].join('\r\n') + '\r\n';
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv' }));
  const a = h('a', { href: url, download: `tokens-${c}.csv` });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
  say($('message'), `${issued.length} token${issued.length === 1 ? '' : 's'} saved as tokens-${c}.csv.`);
}

async function showAssignments(el) {
  const [list, lib, students] = await Promise.all([api('GET', `/api/courses/${enc(c)}/assignments`), api('GET', '/api/exercises'),
    api('GET', `/api/courses/${enc(c)}/students`)]);
  const titles = Object.fromEntries(lib.exercises.map(x => [x.id, x.title]));
  const refresh = async () => { await showAssignments(el); await showGrades($('grades'), c, $('message')); };
  const panel = a => {
    const box = h('div', { class: 'panel', id: `assignment-${a.id}` });
    const actions = h('div', { class: 'row' },
      h('button', { type: 'button', class: 'secondary', onclick: () => edit() }, `Edit ${a.id}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => regrade() }, `Regrade ${a.id}`),
      h('button', { type: 'button', class: 'secondary', onclick: () => remove() }, `Delete ${a.id}`));
    const note = h('p', { role: 'status' });
    const view = () => fill(box, h('h3', {}, `${a.title} (${a.id})`), h('p', {}, 'Due: ', dueText(a.due), a.rubric ? ` · rubric ${a.rubric}` : '',
      a.release ? ` · ${new Date(a.release) > Date.now() ? 'hidden from students until' : 'released to students on'} ${new Date(a.release).toLocaleString()}` : '',
      ` · answers for CPython ${a.keyed_for}${a.python ? '' : ' (the course\'s)'}`),
      h('ol', {}, a.exercises.map(x => h('li', {}, titles[x.id] ?? x.title ?? x.id,
        x.python && x.python !== a.keyed_for ? ` (keyed for CPython ${x.python}: the exercise names its version)` : '', ' — ',
        h('a', { href: `analysis.html?c=${enc(c)}&a=${enc(a.id)}&e=${enc(x.id)}` }, 'item analysis'), ' · ',
        h('a', { href: `preview.html?e=${enc(x.id)}` }, 'preview'), ' · ',
        h('a', { href: `exercise.html?c=${enc(c)}&a=${enc(a.id)}&e=${enc(x.id)}` }, 'as a student sees it')))), actions, note,
      accommodations(a, students));
    const edit = () => fill(box, h('h3', {}, `Edit ${a.title} (${a.id})`),
      form(`Edit ${a.id}`, assignmentFields(lib, a), 'Save changes', async v => {
        await api('PUT', `/api/courses/${enc(c)}/assignments/${enc(a.id)}`, assignmentBody(v));
        await refresh();
        say($('message'), `Assignment ${a.id} saved.`);
      }), h('button', { type: 'button', class: 'secondary', onclick: view }, 'Cancel'));
    const regrade = async () => {
      say(note, 'Regrading…', '');
      try {
        // Every submission, not only those whose exercise changed: after a new due date or rubric an
        // instructor regrades to apply them, and those the server would not call stale.
        const r = await api('POST', `/api/courses/${enc(c)}/assignments/${enc(a.id)}/regrade`, { all: true });
        say(note, `Regraded ${r.regraded} submission${r.regraded === 1 ? '' : 's'}: ${r.changed} changed${r.skipped ? `, ${r.skipped} skipped (their exercise or variant no longer loads)` : ''}.`);
        await showGrades($('grades'), c, $('message'));
      } catch (err) { say(note, failure(`regrading ${a.id}`, err), 'alert'); }
    };
    const remove = async () => {
      try {
        await api('DELETE', `/api/courses/${enc(c)}/assignments/${enc(a.id)}`);
        await refresh();
        say($('message'), `Assignment ${a.id} deleted.`);
      } catch (err) { say(note, failure(`deleting ${a.id}`, err), 'alert'); }
    };
    view();
    return box;
  };
  el.replaceChildren(h('h2', { id: 'assignments-h' }, 'Assignments'), ...list.map(panel),
    h('h3', {}, 'New assignment'),
    form('New assignment', assignmentFields(lib), 'Create assignment', async v => {
      await api('POST', `/api/courses/${enc(c)}/assignments`, { id: v.id, ...assignmentBody(v) });
      await refresh();
    }));
}

(c ? course() : courses()).catch(err => say($('message'), failure('loading the page', err), 'alert'));
