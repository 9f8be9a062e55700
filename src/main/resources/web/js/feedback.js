// A graded submission shown per question: right or not, points, the feedback (which names the
// misconception the grader found in words; its id is for statistics), the explanation, the truth
// when the rubric reveals it, and the heap at the probe's point.
import { fmt, h, inline } from './page.js';
import { renderHeap } from './heap-svg.js';

/** Fills each question's feedback box from a submission response; returns a one-line summary. */
export function showFeedback(sub, meta) {
  for (const q of sub.questions) {
    const section = document.getElementById(`q-${q.id}`);
    if (!section) continue;
    section.classList.toggle('correct', q.correct === true);
    section.classList.toggle('incorrect', q.correct === false);
    const box = section.querySelector('.feedback');
    box.replaceChildren(...feedbackNodes(q, meta[q.id]));
    box.hidden = false;
  }
  if (sub.withheld) return `Attempt ${sub.attempt} recorded. Scores and results are shown after the due date.`;
  return `Attempt ${sub.attempt}: ${fmt(sub.score)} of ${fmt(sub.max)} points` +
    (sub.late ? `, late: ${fmt(sub.counted)} count` : '') + '.';
}

/** q: one graded question; about: the exercise's question (its kind, its choices). */
export function feedbackNodes(q, about = {}) {
  // A rubric that reveals nothing yet sends no verdict: a ✓ or ✗ would give the truth away.
  if (q.correct === null) return [h('p', { class: 'muted' }, 'Answer recorded.')];
  const verdict = q.correct ? h('span', { class: 'ok' }, '✓ Correct') : q.points > 0 ? h('span', { class: 'bad' }, '◐ Partly right') : h('span', { class: 'bad' }, '✗ Not right');
  const nodes = [h('p', {}, verdict, ` — ${fmt(q.points)} / ${fmt(q.max)} point${q.max === 1 ? '' : 's'}`)];
  if (q.feedback) nodes.push(h('p', {}, inline(q.feedback)));
  if (q.explanation) nodes.push(h('p', {}, h('strong', {}, 'Why: '), inline(q.explanation)));
  if (q.truth !== null && q.truth !== undefined) {
    nodes.push(about.answer === 'heap' && typeof q.truth === 'object'
      ? h('div', {}, h('strong', {}, 'The true picture:'), h('div', { class: 'diagram' }, renderHeap(q.truth, { title: `The true heap for question ${q.id}` })))
      : h('p', {}, h('strong', {}, 'The answer: '), h('code', {}, truthText(q.truth, about))));
  }
  if (q.heap) {
    nodes.push(h('details', { open: !q.correct }, h('summary', {}, 'The heap at this point of the program'),
      h('div', { class: 'diagram' }, renderHeap(q.heap, { title: `Heap at the point question ${q.id} asks about` }))));
  }
  return nodes;
}

function truthText(t, about) {
  if (typeof t === 'boolean') return t ? 'True' : 'False';
  if (about.answer === 'choice') return t.length ? t.map(i => about.choices?.[i] ?? i).join('; ') : 'none of them';
  if (about.answer === 'lines') return t.length ? 'lines ' + t.join(', ') : 'no line';
  return String(t);
}
