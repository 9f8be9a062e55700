// The instructor's pages: without ?c, their courses and a form for a new one; with ?c, the course's
// roster, assignments and gradebook.
import { api, download } from './api.js';
import { dueText, fill, fmt, h, header, params, requireToken, say } from './page.js';
import { form, table } from './forms.js';
import { accessPanel, invitationsPanel } from './instructor-access.js';

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
  const info = await api('GET', `/api/courses/${enc(c)}`);
  document.title = `${info.title} — refgrade`;
  $('title').textContent = info.title;
  const roster = h('section', { 'aria-labelledby': 'roster-h' });
  const assignments = h('section', { 'aria-labelledby': 'assignments-h' });
  const grades = h('section', { 'aria-labelledby': 'grades-h' });
  const access = h('section', { 'aria-labelledby': 'access-h' });
  $('content').replaceChildren(h('p', {}, h('a', { href: 'instructor.html' }, '← All courses')), roster, assignments, grades, access);
  await Promise.all([showRoster(roster), showAssignments(assignments), showGrades(grades),
    api('GET', `/api/courses/${enc(c)}/students`).then(students => accessPanel(access, c, students, $('message')))]);
}

async function showRoster(el, issued = []) {
  const students = await api('GET', `/api/courses/${enc(c)}/students`);
  fill(el, h('h2', { id: 'roster-h' }, `Roster (${students.length})`),
    students.length ? table('Students', ['Id', 'Name'], students.map(s => [s.id, s.name])) : h('p', { class: 'muted' }, 'No students yet.'),
    issued.length ? h('div', { class: 'panel', id: 'issued' }, h('p', {}, h('strong', {}, 'New tokens — shown this once. '), 'Give each student theirs.'),
      table('New tokens', ['Student', 'Token'], issued.map(t => [t.id, h('code', {}, t.token)]))) : null,
    form('Upload roster', [{ name: 'file', label: 'Roster CSV file', type: 'file', accept: '.csv,text/csv', required: true, hint: 'a header row id,name, then one student per row' }],
      'Upload roster', async v => {
        if (!v.file) throw new Error('choose a CSV file first');
        const tokens = await api('POST', `/api/courses/${enc(c)}/students`, await v.file.text());
        say($('message'), `${tokens.length} student${tokens.length === 1 ? '' : 's'} added.`);
        await showRoster(el, tokens);
      }));
}

async function showAssignments(el) {
  const [list, lib] = await Promise.all([api('GET', `/api/courses/${enc(c)}/assignments`), api('GET', '/api/exercises')]);
  const titles = Object.fromEntries(lib.exercises.map(x => [x.id, x.title]));
  el.replaceChildren(h('h2', { id: 'assignments-h' }, 'Assignments'),
    ...list.map(a => h('div', { class: 'panel' }, h('h3', {}, `${a.title} (${a.id})`), h('p', {}, 'Due: ', dueText(a.due)),
      h('ul', {}, a.exercises.map(x => h('li', {}, titles[x.id] ?? x.title ?? x.id, ' — ',
        h('a', { href: `analysis.html?c=${enc(c)}&a=${enc(a.id)}&e=${enc(x.id)}` }, 'item analysis'), ' · ',
        h('a', { href: `preview.html?e=${enc(x.id)}` }, 'preview'), ' · ',
        h('a', { href: `exercise.html?c=${enc(c)}&a=${enc(a.id)}&e=${enc(x.id)}` }, 'as a student sees it')))))),
    h('h3', {}, 'New assignment'),
    form('New assignment', [
      { name: 'id', label: 'Assignment id', required: true }, { name: 'title', label: 'Title', required: true },
      { name: 'due', label: 'Due', type: 'datetime-local', required: true },
      { name: 'exercises', label: 'Exercises', multiple: true, options: lib.exercises.map(x => [x.id, `${x.title} (${x.id})`]), hint: 'Ctrl+click or Shift+arrows picks several' },
      { name: 'rubric', label: 'Rubric', options: [['', 'each exercise\'s own'], ...(lib.rubrics ?? []).map(r => [r, r])],
        hint: 'exam: one attempt, nothing revealed; practice: unlimited, truth shown at once' }],
    'Create assignment', async v => {
      const body = { id: v.id, title: v.title, exercises: v.exercises, due: new Date(v.due).toISOString() };
      if (v.rubric) body.rubric = v.rubric;
      await api('POST', `/api/courses/${enc(c)}/assignments`, body);
      await showAssignments(el);
    }));
}

async function showGrades(el) {
  const g = await api('GET', `/api/courses/${enc(c)}/grades`);
  const head = ['Student', 'Id', ...g.assignments.map(a => `${a.title} (/${fmt(a.max)})`), 'Total'];
  const rows = g.students.map(s => [s.name, s.id, ...g.assignments.map(a => s.assignments[a.id] == null ? '—' : fmt(s.assignments[a.id])), fmt(s.total)]);
  el.replaceChildren(h('h2', { id: 'grades-h' }, 'Gradebook'),
    rows.length ? table('Gradebook', head, rows) : h('p', { class: 'muted' }, 'No students yet.'),
    h('button', { type: 'button', id: 'download-csv', onclick: () => download(`/api/courses/${enc(c)}/grades?format=csv`, `gradebook-${c}.csv`)
      .then(() => say($('message'), 'Gradebook CSV downloaded.')).catch(err => say($('message'), 'Download failed: ' + err.message, 'alert')) },
    'Download gradebook CSV'));
}

(c ? course() : courses()).catch(err => say($('message'), 'Could not load: ' + err.message, 'alert'));
