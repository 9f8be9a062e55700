// The terms of the next attempt, from the exercise view's `terms`: how many attempts are left, what
// penalties the next one carries, when submitting closes, whether results are shown; and what to
// ask before submitting so that no attempt is spent by accident.
import { h } from './page.js';

const pct = x => `${Math.round(x * 1000) / 10}%`;
const when = iso => new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** Why the form is closed, in words; null while it is open. */
export function closedText(t) {
  if (t.closed === 'no_attempts_left') return t.attempts_allowed === 1 ? 'Closed: you have used your only attempt.' : `Closed: you have used all ${t.attempts_allowed} attempts.`;
  if (t.closed === 'past_cutoff') return `Closed: submissions closed on ${when(t.closes_at)}.`;
  return null;
}

export function termsNodes(t) {
  if (t.closed) return [];
  const next = t.attempts_made + 1;
  const lines = [t.attempts_allowed ? `This will be attempt ${next} of ${t.attempts_allowed}.` : `This will be attempt ${next}; attempts are unlimited.`];
  if (t.attempt_penalty > 0) lines.push(`Each attempt after the first loses ${pct(t.attempt_penalty)} of the points.`);
  if (t.late_now) lines.push(t.late_per_day > 0 ? `It is past the due date: late work loses ${pct(t.late_per_day)} per started day.` : 'It is past the due date: this attempt will be marked late.');
  if (t.next_attempt_keeps < 1) lines.push(`This attempt can earn at most ${pct(t.next_attempt_keeps)} of the points.`);
  if (t.closes_at) lines.push(`Submissions close on ${when(t.closes_at)}.`);
  if (!t.results_shown) lines.push('Scores and per-question results are not shown until the due date.');
  return [h('ul', { class: 'terms' }, lines.map(l => h('li', {}, l)))];
}

/**
 * What to ask before submitting: blank questions, a limited number of attempts, a penalty. Null when
 * nothing is at stake (unlimited attempts without penalty, everything answered): then it just submits.
 */
export function confirmation(t, blank) {
  const lines = [];
  if (blank.length) lines.push(`${blank.length} question${blank.length === 1 ? ' has' : 's have'} no answer: ${blank.map(n => `Q${n}`).join(', ')}. An unanswered question earns no points.`);
  if (t.attempts_allowed) {
    const left = t.attempts_allowed - t.attempts_made - 1;
    lines.push(`This uses attempt ${t.attempts_made + 1} of ${t.attempts_allowed}; ${left === 0 ? 'none will be left' : `${left} will be left`}.`);
  }
  if (t.next_attempt_keeps < 1) lines.push(`This attempt can earn at most ${pct(t.next_attempt_keeps)} of the points.`);
  if (!lines.length) return null;
  return { lines, yes: `Submit attempt ${t.attempts_made + 1}` };
}
