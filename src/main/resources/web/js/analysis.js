// Item analysis of one exercise: per question the share of students right (bars) and how well the
// question tells strong from weak students (discrimination), then the most common wrong answers.
import { api } from './api.js';
import { failure, fmt, h, header, inline, params, requireToken, rich, say } from './page.js';
import { table } from './forms.js';

header('instructor.html');
requireToken();
const { c, a, e } = params();
const enc = encodeURIComponent;
const $ = id => document.getElementById(id);
const NS = 'http://www.w3.org/2000/svg';
const svgEl = (name, attrs, text) => {
  const x = document.createElementNS(NS, name);
  for (const [k, v] of Object.entries(attrs)) x.setAttribute(k, v);
  if (text !== undefined) x.textContent = text;
  return x;
};

/** Horizontal bars, one per question: the share correct, with discrimination written beside it. */
function chart(rows, title) {
  const W = 640, LEFT = 110, BAR = 26, GAP = 12, TOP = 24, width = W - LEFT - 150;
  const height = TOP + rows.length * (BAR + GAP) + 10;
  const svg = svgEl('svg', { class: 'chart', role: 'img', viewBox: `0 0 ${W} ${height}`, width: W, height, 'aria-labelledby': 'chart-t chart-d' });
  svg.append(svgEl('title', { id: 'chart-t' }, title),
    svgEl('desc', { id: 'chart-d' }, rows.map(r => `${r.label ?? r.id} (${r.id}): ${Math.round(r.correct * 100)}% correct, discrimination ${r.discrimination == null ? 'not computed' : fmt(r.discrimination)}`).join('; ')));
  for (const pct of [0, 0.5, 1]) {
    svg.append(svgEl('line', { x1: LEFT + pct * width, x2: LEFT + pct * width, y1: TOP - 6, y2: height - 6, stroke: '#d0d7de' }),
      svgEl('text', { x: LEFT + pct * width, y: 14, 'text-anchor': 'middle' }, `${pct * 100}%`));
  }
  rows.forEach((r, i) => {
    const y = TOP + i * (BAR + GAP);
    svg.append(svgEl('text', { x: LEFT - 8, y: y + BAR / 2 + 4, 'text-anchor': 'end' }, r.label ?? r.id),
      svgEl('rect', { class: 'bar' + (r.correct < 0.5 ? ' low' : ''), x: LEFT, y, width: Math.max(1, r.correct * width), height: BAR, rx: 3 }),
      svgEl('text', { x: LEFT + r.correct * width + 6, y: y + BAR / 2 + 4 }, `${Math.round(r.correct * 100)}%`),
      svgEl('text', { x: LEFT + width + 50, y: y + BAR / 2 + 4 }, r.discrimination == null ? 'D —' : `D ${fmt(r.discrimination)}`));
  });
  return svg;
}

async function load() {
  $('back').href = `instructor.html?c=${enc(c)}`;
  const base = `/api/courses/${enc(c)}/assignments/${enc(a)}/exercises/${enc(e)}`;
  const [ex, an] = await Promise.all([api('GET', base), api('GET', base + '/analysis')]);
  document.title = `Item analysis: ${ex.title} — refgrade`;
  $('title').textContent = `Item analysis: ${ex.title}`;
  say($('message'), `${an.students} student${an.students === 1 ? '' : 's'} submitted; each one's latest attempt counts.`);
  if (!an.questions.length) return;
  $('chart').replaceChildren(chart(an.questions, `Share of students right per question, ${ex.title}`));
  const byId = Object.fromEntries(ex.questions.map(q => [q.id, q]));
  const prompt = q => (byId[q.id]?.prompt_md ? rich(byId[q.id].prompt_md) : inline(q.prompt ?? '')); // fresh nodes for each place
  // A question as the student's page names it: its number and its prompt, the id (the YAML's) beside it.
  const named = q => h('span', {}, h('strong', {}, q.label), ' ', prompt(q), ' ', h('span', { class: 'muted' }, `(${q.id})`));
  $('details').replaceChildren(
    h('p', { class: 'muted' }, 'D (discrimination): the share right among the top 27% of students minus that among the bottom 27%; near 0 or negative, the question does not separate them.'),
    table('Per question', ['Question', 'Answered', 'Right', 'Discrimination'], an.questions.map(q => [
      named(q), String(q.answered), `${Math.round(q.correct * 100)}%`, q.discrimination == null ? '—' : fmt(q.discrimination)])),
    ...an.questions.filter(q => q.wrong.length).map(q => h('section', { 'aria-label': `Common wrong answers to ${q.label}` },
      h('h2', {}, `Common wrong answers to ${q.label}`), h('p', { class: 'prompt' }, named(q)),
      table(`Common wrong answers to ${q.label}`, ['Answer, as the students gave it', 'Students', 'Misconception'], q.wrong.map(w => [
        h('pre', { class: 'answer' }, w.shown ?? JSON.stringify(w.answer)), String(w.count),
        w.misconception ? h('span', { title: w.misconception }, h('strong', {}, inline(w.misconceptionName ?? w.misconception))) : '—'])))));
}

load().catch(err => say($('message'), failure('loading the analysis', err), 'alert'));
