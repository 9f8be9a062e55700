// A student's assignments: each with its due date, and per exercise the attempts left and best score.
import { api } from './api.js';
import { dueText, fmt, h, header, requireToken, say } from './page.js';

header('assignments.html');
requireToken();
const message = document.getElementById('message');

async function exerciseRow(c, a, e) {
  const base = `/api/courses/${c}/assignments/${a.id}/exercises/${e.id}`;
  const [view, subs] = await Promise.all([api('GET', base), api('GET', base + '/submissions').catch(() => [])]);
  const allowed = view.rubric?.attempts ?? 0;
  const best = subs.length ? Math.max(...subs.map(s => s.counted ?? s.score)) : null;
  const max = subs[0]?.max ?? view.questions.reduce((t, q) => t + q.points, 0);
  const left = allowed ? `${Math.max(0, allowed - view.attempts)} of ${allowed}` : 'unlimited';
  const href = `exercise.html?c=${encodeURIComponent(c)}&a=${encodeURIComponent(a.id)}&e=${encodeURIComponent(e.id)}`;
  return h('tr', {}, h('td', {}, h('a', { href }, e.title)), h('td', {}, String(view.attempts)), h('td', {}, left),
    h('td', {}, best === null ? '—' : `${fmt(best)} / ${fmt(max)}`));
}

async function load() {
  const courses = await api('GET', '/api/courses');
  const out = document.getElementById('courses');
  for (const c of courses) {
    const list = await api('GET', `/api/courses/${c.id}/assignments`);
    out.append(h('h2', {}, c.title));
    if (!list.length) out.append(h('p', { class: 'muted' }, 'No assignments yet.'));
    for (const a of list) {
      const rows = await Promise.all(a.exercises.map(e => exerciseRow(c.id, a, e)));
      out.append(h('section', { class: 'panel', 'aria-labelledby': `as-${c.id}-${a.id}` },
        h('h3', { id: `as-${c.id}-${a.id}` }, a.title), h('p', {}, 'Due: ', h('time', { datetime: a.due }, dueText(a.due))),
        h('table', { class: 'data' }, h('caption', { class: 'sr-only' }, `Exercises of ${a.title}`),
          h('tr', {}, ['Exercise', 'Attempts made', 'Attempts left', 'Best score'].map(t => h('th', { scope: 'col' }, t))), rows)));
    }
  }
  say(message, courses.length ? '' : 'You are not in any course yet.');
}

load().catch(err => say(message, 'Could not load your assignments: ' + err.message, 'alert'));
