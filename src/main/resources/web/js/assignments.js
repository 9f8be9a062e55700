// A student's assignments: each with its due date, and per exercise the attempts made and left, the
// score that counts, and whether it is still open. One request for the whole page.
import { api } from './api.js';
import { dueText, failure, fmt, h, header, requireToken, say } from './page.js';

header('assignments.html');
requireToken();
const message = document.getElementById('message');

function exerciseRow(c, a, e) {
  const href = `exercise.html?c=${encodeURIComponent(c)}&a=${encodeURIComponent(a.id)}&e=${encodeURIComponent(e.id)}`;
  if (!e.available) return h('tr', {}, h('td', {}, h('a', { href }, e.id)), h('td', { colspan: 3 }, 'Not available just now; your instructor has been told.'));
  const left = e.closed === 'past_cutoff' ? 'none: closed' : e.attempts_allowed ? `${Math.max(0, e.attempts_allowed - e.attempts_made)} of ${e.attempts_allowed}` : 'unlimited';
  const score = e.withheld ? 'recorded; shown after the due date' : e.score === null ? '—' : `${fmt(e.score)} / ${fmt(e.max)}`;
  const why = e.override ? h('div', { class: 'muted' }, 'set by your instructor: ', h('q', {}, e.override.note)) : null;
  const closed = e.closed === 'no_attempts_left' ? ' (no attempts left)' : e.closed === 'past_cutoff' ? ' (closed)' : '';
  return h('tr', {}, h('td', {}, h('a', { href }, e.title), closed), h('td', {}, String(e.attempts_made)), h('td', {}, left), h('td', {}, score, why));
}

async function load() {
  const page = await api('GET', '/api/progress');
  const c = page.course.id;
  const out = document.getElementById('courses');
  out.append(h('h2', {}, page.course.title));
  if (!page.assignments.length) out.append(h('p', { class: 'muted' }, 'No assignments yet.'));
  for (const a of page.assignments) {
    out.append(h('section', { class: 'panel', 'aria-labelledby': `as-${c}-${a.id}` },
      h('h3', { id: `as-${c}-${a.id}` }, a.title), h('p', {}, 'Due: ', h('time', { datetime: a.due }, dueText(a.due))),
      h('table', { class: 'data' }, h('caption', { class: 'sr-only' }, `Exercises of ${a.title}`),
        h('tr', {}, ['Exercise', 'Attempts made', 'Attempts left', 'Score'].map(t => h('th', { scope: 'col' }, t))),
        a.exercises.map(e => exerciseRow(c, a, e)))));
  }
}

load().catch(err => (err.status === 403
  ? say(message, 'This page lists a student\'s assignments; an instructor\'s courses are on the Instructor page.', 'note')
  : say(message, failure('loading your assignments', err), 'alert')));
