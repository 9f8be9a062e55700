// The exercise page: the program with each probe's line marked (a notebook's cells each with their
// questions under them), one input per question, the terms of the next attempt, submit (by the
// button only, confirmed when it costs something), feedback per question, and the earlier attempts.
// An instructor gets it read-only, as a preview.
import { api } from './api.js';
import { dueText, failure, fmt, h, header, params, requireToken, rich, say } from './page.js';
import { codeView, highlight } from './code-view.js';
import { questionInput } from './questions.js';
import { feedbackNodes, showFeedback } from './feedback.js';
import { draftStore } from './drafts.js';
import { termsNodes, closedText, confirmation } from './terms.js';

header('assignments.html');
requireToken();
const { c, a, e } = params();
const base = `/api/courses/${encodeURIComponent(c)}/assignments/${encodeURIComponent(a)}/exercises/${encodeURIComponent(e)}`;
const $ = id => document.getElementById(id);
let view, inputs, meta, draft;

async function load() {
  const [ex, assignment, me] = await Promise.all([api('GET', base), api('GET', `/api/courses/${encodeURIComponent(c)}/assignments/${encodeURIComponent(a)}`),
    api('GET', '/api/me')]);
  view = ex;
  document.title = `${ex.title} — refgrade`;
  $('title').textContent = ex.title;
  $('meta').textContent = `${assignment.title} · due ${dueText(ex.terms?.due ?? assignment.due)}`; // an extension is this student's due date
  $('python').textContent = `Answers are for CPython ${ex.python}.`; // they differ between versions
  if (ex.intro_md) $('intro').replaceChildren(...rich(ex.intro_md, highlightBlock));
  meta = Object.fromEntries(ex.questions.map(q => [q.id, q]));
  const list = ex.questions.map((q, i) => questionInput(q, i + 1, programOf(ex, q), () => draft?.save(answers())));
  inputs = Object.fromEntries(ex.questions.map((q, i) => [q.id, list[i]]));
  if (ex.cells) {
    $('program-h').textContent = 'Notebook';
    $('code').replaceChildren(...notebook(ex, list));
    $('questions').replaceChildren(...list.filter(x => !x.element.isConnected).map(x => x.element));
  } else {
    $('code').replaceChildren(...listings(ex));
    $('questions').replaceChildren(...list.map(x => x.element));
  }
  if (me.role !== 'student') return showAsPreview();
  draft = draftStore(`${me.course}/${me.id}/${a}/${e}`);
  restore(draft.load());
  for (const kind of ['input', 'change', 'click']) $('answers').addEventListener(kind, () => draft.save(answers()));
  showTerms();
  showOverride();
  await loadAttempts();
}

/** A score the instructor set by hand: it is the one that counts, and the student reads why. */
function showOverride() {
  const o = view.override;
  if (!o) return $('override').replaceChildren();
  $('override').replaceChildren(h('p', { class: 'note' }, h('strong', {}, `Your instructor set your score to ${fmt(o.score)}`),
    ` (${new Date(o.at).toLocaleDateString()}); it replaces the graded score. Their note: `, h('q', {}, o.note)));
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

/** A code block of the intro, highlighted line by line. */
const highlightBlock = code => code.split('\n').flatMap((line, i) => (i ? ['\n', ...highlight(line)] : highlight(line)));

const programOf = (ex, q) => ex.code ?? ex.cells?.[(q.cell ?? q.after_cell ?? 1) - 1] ?? '';

/** A listing with each probe's line marked by the questions (numbered as on the page) that ask about it. */
function marked(src, label, questions) {
  const ol = codeView(src, { label });
  const byLine = new Map();
  for (const [n, q] of questions) if (q.after) byLine.set(q.after, [...(byLine.get(q.after) ?? []), `Q${n}`]);
  for (const [line, qs] of byLine) {
    const li = ol.querySelector(`li[data-line="${line}"]`);
    li?.classList.add('probe');
    li?.append(h('span', { class: 'tag' }, `← after this line: ${qs.join(', ')}`));
  }
  return ol;
}

function listings(ex) {
  return [marked(ex.code, 'Program', ex.questions.map((q, i) => [i + 1, q]))];
}

/** A notebook: each cell as `In [n]`, and right under it the questions about that cell. */
function notebook(ex, list) {
  return ex.cells.map((src, i) => {
    const n = i + 1;
    const mine = ex.questions.map((q, k) => [k + 1, q]).filter(([, q]) => (q.cell ?? q.after_cell) === n);
    const asked = mine.map(([k]) => list[k - 1].element);
    return h('section', { class: 'cell', 'aria-label': `Cell ${n}`, 'data-cell': n },
      h('div', { class: 'cell-code' }, h('span', { class: 'prompt', 'aria-hidden': 'true' }, `In [${n}]:`),
        marked(src, `Cell ${n}`, mine)),
      asked.length ? h('div', { class: 'cell-questions' }, asked) : null);
  });
}

/** Every answered question's answer, as the API takes them. */
function answers() {
  const out = {};
  for (const [id, x] of Object.entries(inputs)) {
    const v = x.read();
    if (v !== undefined) out[id] = v;
  }
  return out;
}

function restore(saved) {
  if (!saved) return;
  let n = 0;
  for (const [id, v] of Object.entries(saved)) {
    try {
      inputs[id]?.write(v);
      n++;
    } catch {
      // A draft from an older version of the exercise: what no longer fits is dropped.
    }
  }
  if (n) say($('draft-note'), `Your unsubmitted answers to ${n} question${n === 1 ? '' : 's'} were kept from last time.`, 'muted');
}

/** The next attempt's terms beside the button; the form closed when the server would refuse it. */
function showTerms() {
  const t = view.terms;
  $('terms').replaceChildren(...termsNodes(t));
  const closed = closedText(t);
  $('submit').disabled = !!closed;
  $('submit').hidden = !!closed;
  for (const control of $('answers').elements) if (control.id !== 'submit') control.disabled = !!closed;
  if (closed) say($('closed'), closed, 'note');
}

// An answer field's Enter would submit the whole form (the browser's implicit submission): only
// the button submits, so an attempt is never spent by a key pressed to end a line.
$('answers').addEventListener('keydown', ev => {
  if (ev.key === 'Enter' && ev.target instanceof HTMLInputElement) ev.preventDefault();
});

$('answers').addEventListener('submit', ev => {
  ev.preventDefault();
  const given = answers();
  // A choice question with nothing ticked may mean "none is true", but is far more often one not yet read.
  const blank = view.questions.map((q, i) => [i + 1, q]).filter(([, q]) => given[q.id] === undefined || (q.answer === 'choice' && !given[q.id].length));
  const ask = confirmation(view.terms, blank.map(([n]) => n));
  if (!ask) return submit(given);
  const box = $('confirm');
  const yes = h('button', { type: 'button', id: 'confirm-submit', onclick: () => { box.hidden = true; submit(given); } }, ask.yes);
  const no = h('button', { type: 'button', class: 'secondary', id: 'confirm-cancel', onclick: () => { box.hidden = true; $('submit').focus(); } }, 'Keep answering');
  box.replaceChildren(h('p', { id: 'confirm-text' }, ...ask.lines.flatMap(l => [l, h('br')]).slice(0, -1)), h('div', { class: 'row' }, yes, no));
  box.hidden = false;
  yes.focus();
});

async function submit(given) {
  $('submit').disabled = true;
  say($('result'), 'Submitting…');
  try {
    const sub = await api('POST', base + '/submissions', { answers: given });
    const summary = showFeedback(sub, meta);
    $('result').replaceChildren(h('p', { class: 'score' }, summary));
    view = await api('GET', base);
    await loadAttempts();
  } catch (err) {
    $('result').replaceChildren(h('p', { class: 'alert' }, failure('submitting', err)));
    view = await api('GET', base).catch(() => view);
  } finally {
    showTerms();
  }
}

async function loadAttempts() {
  const subs = await api('GET', base + '/submissions');
  if (!subs.length) return;
  $('attempts').replaceChildren(...subs.slice().reverse().map(s => h('details', { class: 'panel' },
    h('summary', {}, `Attempt ${s.attempt} — ${s.withheld ? 'recorded' : `${fmt(s.score)} / ${fmt(s.max)}`}${s.late ? ' (late)' : ''} — ${new Date(s.submitted_at).toLocaleString()}`,
      s.voided ? ' — reset by your instructor, no longer counts' : ''),
    s.questions.map(q => h('div', { class: 'question ' + (q.correct === null ? '' : q.correct ? 'correct' : 'incorrect') },
      h('h4', {}, `Question ${view.questions.findIndex(x => x.id === q.id) + 1}`), feedbackNodes(q, meta[q.id]))))));
}

load().catch(err => say($('result'), failure('loading the exercise', err), 'alert'));
