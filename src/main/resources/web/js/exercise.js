// The exercise page: the program with each probe's line marked, one input per question, submit,
// feedback per question, and the earlier attempts. An instructor gets it read-only, as a preview.
import { api } from './api.js';
import { dueText, fmt, h, header, inline, params, requireToken, say } from './page.js';
import { codeView } from './code-view.js';
import { questionInput } from './questions.js';
import { feedbackNodes, showFeedback } from './feedback.js';

header('assignments.html');
requireToken();
const { c, a, e } = params();
const base = `/api/courses/${encodeURIComponent(c)}/assignments/${encodeURIComponent(a)}/exercises/${encodeURIComponent(e)}`;
const $ = id => document.getElementById(id);
let view, readers, meta;

async function load() {
  const [ex, assignment, me] = await Promise.all([api('GET', base), api('GET', `/api/courses/${encodeURIComponent(c)}/assignments/${encodeURIComponent(a)}`),
    api('GET', '/api/me')]);
  view = ex;
  document.title = `${ex.title} — refgrade`;
  $('title').textContent = ex.title;
  $('meta').textContent = `${assignment.title} · due ${dueText(assignment.due)}`;
  if (ex.intro) $('intro').replaceChildren(...ex.intro.split(/\n\s*\n/).map(p => h('p', {}, inline(p))));
  $('code').replaceChildren(...listings(ex));
  meta = Object.fromEntries(ex.questions.map(q => [q.id, q]));
  const inputs = ex.questions.map((q, i) => questionInput(q, i + 1, programOf(ex, q)));
  readers = Object.fromEntries(ex.questions.map((q, i) => [q.id, inputs[i].read]));
  $('questions').replaceChildren(...inputs.map(x => x.element));
  if (me.role !== 'student') return showAsPreview();
  updateAttempts();
  await loadAttempts();
}

/**
 * What an instructor gets from "as a student sees it": the same page, read-only. The server answers
 * an instructor's submission 403, and its list of submissions would be every student's attempts.
 */
function showAsPreview() {
  for (const control of $('answers').elements) control.disabled = true;
  $('submit-row').remove();
  $('history').remove();
  Object.assign($('back'), { href: `instructor.html?c=${encodeURIComponent(c)}`, textContent: '← Course' });
  $('meta').after(h('p', { class: 'note', id: 'preview-note' },
    'Preview: this is the exercise as a student sees it, read-only. Students\' attempts are in the gradebook and the item analysis.'));
}

const programOf = (ex, q) => ex.code ?? ex.cells?.[(q.cell ?? 1) - 1] ?? '';

/** The program (or each cell), every probe's line marked with the questions that ask about it. */
function listings(ex) {
  const sources = ex.code != null ? [[null, ex.code]] : (ex.cells ?? []).map((src, i) => [i + 1, src]);
  return sources.flatMap(([cell, src]) => {
    const ol = codeView(src, { label: cell ? `Cell ${cell}` : 'Program' });
    const byLine = new Map();
    for (const [i, q] of ex.questions.entries()) {
      if (!q.after || (cell && (q.cell ?? 1) !== cell)) continue;
      byLine.set(q.after, [...(byLine.get(q.after) ?? []), `Q${i + 1}`]);
    }
    for (const [line, qs] of byLine) {
      const li = ol.querySelector(`li[data-line="${line}"]`);
      li?.classList.add('probe');
      li?.append(h('span', { class: 'tag' }, `← after this line: ${qs.join(', ')}`));
    }
    return cell ? [h('h3', {}, `Cell ${cell}`), ol] : [ol];
  });
}

function updateAttempts() {
  const allowed = view.rubric?.attempts ?? 0;
  const left = allowed ? allowed - view.attempts : Infinity;
  $('attempts-left').textContent = allowed ? `${Math.max(0, left)} of ${allowed} attempts left` : `${view.attempts} attempt${view.attempts === 1 ? '' : 's'} so far; no limit`;
  $('submit').disabled = left <= 0;
}

$('answers').addEventListener('submit', async ev => {
  ev.preventDefault();
  const answers = {};
  for (const [id, read] of Object.entries(readers)) {
    const v = read();
    if (v !== undefined) answers[id] = v;
  }
  $('submit').disabled = true;
  say($('result'), 'Submitting…');
  try {
    const sub = await api('POST', base + '/submissions', { answers });
    const summary = showFeedback(sub, meta);
    $('result').replaceChildren(h('p', { class: 'score' }, summary));
    view.attempts = sub.attempt;
    await loadAttempts();
  } catch (err) {
    $('result').replaceChildren(h('p', { class: 'alert' }, 'Not submitted: ' + err.message));
  } finally {
    updateAttempts();
  }
});

async function loadAttempts() {
  const subs = await api('GET', base + '/submissions');
  if (!subs.length) return;
  $('attempts').replaceChildren(...subs.slice().reverse().map(s => h('details', { class: 'panel' },
    h('summary', {}, `Attempt ${s.attempt} — ${fmt(s.score)} / ${fmt(s.max)}${s.late ? ' (late)' : ''} — ${new Date(s.submitted_at).toLocaleString()}`),
    s.questions.map(q => h('div', { class: 'question ' + (q.correct ? 'correct' : 'incorrect') },
      h('h4', {}, `Question ${view.questions.findIndex(x => x.id === q.id) + 1}`), feedbackNodes(q, meta[q.id]))))));
}

load().catch(err => say($('result'), 'Could not load the exercise: ' + err.message, 'alert'));
