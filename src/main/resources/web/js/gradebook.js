// The course's gradebook on the instructor page: blank for nothing submitted, a mark on scores set by
// hand, the CSV downloads, and one student's every attempt with what an instructor may change by hand:
// a fresh start on an exercise (the attempts stay stored, and stop counting) and a score with a note.
import { api, download } from './api.js';
import { failure, fill, fmt, h, say } from './page.js';
import { form, table } from './forms.js';

const enc = encodeURIComponent;

const blank = () => h('span', { class: 'muted', title: 'not submitted' }, '—', h('span', { class: 'sr-only' }, ' not submitted'));

/** A score with the mark that says some of it was set by hand, and the notes as its title. */
function marked(score, overrides) {
  if (!overrides.length) return fmt(score);
  return h('span', { title: overrides.map(o => `${fmt(o.score)}: ${o.note}`).join('\n') }, fmt(score), ' ✎',
    h('span', { class: 'sr-only' }, ' includes a score set by hand'));
}

/** Renders the gradebook of course c into el; message is the page's status line. */
export async function showGrades(el, c, message) {
  const g = await api('GET', `/api/courses/${enc(c)}/grades`);
  const byHand = (s, a) => Object.entries(s.overrides ?? {}).filter(([k]) => !a || k.startsWith(a.id + '/')).map(([, o]) => o);
  const head = ['Student', 'Id', ...g.assignments.map(a => `${a.title} (/${fmt(a.max)})`), 'Total'];
  const rows = g.students.map(s => [
    h('button', { type: 'button', class: 'link', 'aria-expanded': 'false', 'aria-controls': 'drill', onclick: () => drill(c, s.id, el, message) }, s.name), s.id,
    ...g.assignments.map(a => s.assignments[a.id] == null ? blank() : marked(s.assignments[a.id], byHand(s, a))),
    s.total == null ? blank() : marked(s.total, byHand(s))]);
  const save = (format, name, what) => download(`/api/courses/${enc(c)}/grades?format=${format}`, name)
    .then(() => say(message, `${what} downloaded.`)).catch(err => say(message, failure(`downloading the ${what}`, err), 'alert'));
  el.replaceChildren(h('h2', { id: 'grades-h' }, 'Gradebook'),
    rows.length ? table('Gradebook', head, rows) : h('p', { class: 'muted' }, 'No students yet.'),
    h('p', { class: 'muted' }, '— means nothing submitted (left blank in the CSV, not 0); ✎ a score set by hand. Choose a student to see every attempt.'),
    h('div', { id: 'drill', role: 'region', 'aria-label': 'Attempts of one student' }),
    h('div', { class: 'row' },
      h('button', { type: 'button', id: 'download-csv', onclick: () => save('csv', `gradebook-${c}.csv`, 'Gradebook CSV') }, 'Download gradebook CSV'),
      h('button', { type: 'button', class: 'secondary', id: 'download-overrides', onclick: () => save('overrides', `overrides-${c}.csv`, 'Overrides CSV') },
        'Download scores set by hand (CSV)')));
}

/** One student's every attempt, per assignment and exercise, with each exercise's reset and override. */
async function drill(c, studentId, gradesEl, message) {
  const box = gradesEl.querySelector('#drill');
  const g = await api('GET', `/api/courses/${enc(c)}/grades`);
  const student = g.students.find(s => s.id === studentId);
  say(box, `Loading ${student.name}'s attempts…`);
  const again = async text => {
    await showGrades(gradesEl, c, message);
    await drill(c, studentId, gradesEl, message);
    say(message, text);
  };
  const sections = await Promise.all(g.assignments.map(async a => {
    const exercises = await Promise.all(a.exercises.map(async e => {
      const path = `/api/courses/${enc(c)}/assignments/${enc(a.id)}/exercises/${enc(e)}`;
      const subs = await api('GET', `${path}/submissions?student=${enc(student.id)}`);
      const link = h('a', { href: `exercise.html?c=${enc(c)}&a=${enc(a.id)}&e=${enc(e)}` }, e);
      const rows = subs.length ? subs.map(s => [link.cloneNode(true), String(s.attempt), new Date(s.submitted_at).toLocaleString(),
        `${fmt(s.score)} / ${fmt(s.max)}`, s.late ? 'late' : '', s.voided ? 'no: reset' : 'yes'])
        : [[link, blank(), '', '', '', '']];
      return { rows, adjust: adjust(`${path}/students/${enc(student.id)}`, a, e, student, subs, student.overrides?.[`${a.id}/${e}`], again) };
    }));
    return [h('h4', {}, `${a.title} (${a.id})`),
      table(`${student.name}, ${a.title}`, ['Exercise', 'Attempt', 'Submitted', 'Score', 'Late', 'Counts'], exercises.flatMap(x => x.rows)),
      exercises.map(x => x.adjust)];
  }));
  fill(box, h('h3', {}, `${student.name} (${student.id}): every attempt`), sections.flat(2));
  for (const b of gradesEl.querySelectorAll('button.link[aria-controls="drill"]')) b.setAttribute('aria-expanded', String(b.textContent === student.name));
}

/** What an instructor may change by hand on one student's exercise. */
function adjust(base, a, e, student, subs, override, again) {
  const id = `adjust-${a.id}-${e}`;
  const status = h('p', { role: 'status' });
  const counting = subs.filter(s => !s.voided).length;
  const confirmReset = h('button', { type: 'button', hidden: true, onclick: async () => {
    try {
      const r = await api('POST', `${base}/reset`, {});
      await again(`${student.name}'s attempts 1 to ${r.voided_through} at ${e} no longer count; they start afresh.`);
    } catch (err) { say(status, failure(`resetting ${e} for ${student.id}`, err), 'alert'); }
  } }, `Yes, reset ${e} for ${student.id}`);
  const reset = h('button', { type: 'button', class: 'secondary', disabled: counting === 0,
    onclick: () => { confirmReset.hidden = false; say(status, `The ${counting} attempt${counting === 1 ? '' : 's'} that count stay stored but stop counting: the score goes blank and ${student.name} gets the rubric's attempts again.`); confirmReset.focus(); } },
  `Reset ${e} attempts`);
  const current = override
    ? h('p', { class: 'note' }, `Score set by hand: ${fmt(override.score)} — `, h('q', {}, override.note), ` (${override.by}, ${new Date(override.at).toLocaleString()}) `,
      h('button', { type: 'button', class: 'secondary small', onclick: async () => {
        await api('DELETE', `${base}/override`);
        await again(`The graded score counts again for ${student.name} on ${e}.`);
      } }, 'Remove override'))
    : null;
  const set = form(`Override ${e} for ${student.id}`, [
    { name: 'score', label: 'Score', type: 'number', required: true, value: override ? String(override.score) : undefined },
    { name: 'note', label: 'Note (the student reads it)', required: true, value: override?.note }],
  'Set score', async v => {
    await api('PUT', `${base}/override`, { score: Number(v.score), note: v.note });
    await again(`${student.name}'s score on ${e} set to ${v.score}.`);
  });
  set.querySelector('input[name=score]').step = 'any';
  return h('details', { class: 'adjust', id }, h('summary', {}, `Adjust ${e}`, override ? ` (score set by hand: ${fmt(override.score)})` : ''),
    current, h('div', { class: 'row' }, reset, confirmReset), status, set);
}
