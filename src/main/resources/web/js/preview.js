// Exercise preview for instructors: the library with the files that failed to load and their
// problems' positions; one exercise with its answer key per variant; and a draft pasted as YAML,
// checked by the server without being saved.
import { api } from './api.js';
import { failure, fill, h, header, inline, params, requireToken, rich, say } from './page.js';
import { codeView } from './code-view.js';
import { renderHeap } from './heap-svg.js';
import { table } from './forms.js';
import { yamlEditor } from './yaml-editor.js';

header('instructor.html');
requireToken();
const $ = id => document.getElementById(id);
const { e } = params();

/** "FILE:LINE:COL: message" -> its parts, so positions line up in a table. */
function problemRow(p) {
  const m = /^(.*?):(\d+):(\d+): (.*)$/s.exec(p);
  return m ? [h('code', {}, m[1]), `${m[2]}:${m[3]}`, m[4]] : ['', '', p];
}

const problemsTable = (caption, problems) => table(caption, ['File', 'Line:col', 'Problem'], problems.map(problemRow));

async function library() {
  const lib = await api('GET', '/api/exercises');
  fill($('content'),
    lib.invalid.length ? h('section', { 'aria-labelledby': 'invalid-h' }, h('h2', { id: 'invalid-h', class: 'error' }, `${lib.invalid.length} file(s) failed to load`),
      ...lib.invalid.map(f => problemsTable(`Problems in ${f.file}`, f.problems))) : null,
    h('h2', {}, `${lib.exercises.length} exercises`),
    table('Exercises', ['Exercise', 'Tags', 'Questions', 'Variants'], lib.exercises.map(x => [
      h('a', { href: `preview.html?e=${encodeURIComponent(x.id)}` }, `${x.title} (${x.id})`), (x.tags ?? []).join(', '), String(x.questions), String(x.variants)])),
    h('h2', { id: 'write-h' }, 'Write an exercise'),
    h('p', { class: 'muted' }, inline('Checked as `refgrade check` checks a file; saved into the library (`exercises/ID.yaml`, as you wrote it) only when it has no problem.')),
    authoring(null, ''));
}

/**
 * The editor with its buttons: check (nothing saved) and save, as a new exercise (id null) or over
 * exercise id. The check's preview, or every problem at its line, appears under it.
 */
function authoring(id, yaml) {
  const out = h('div', { id: 'draft-result' });
  const editor = yamlEditor('draft', yaml, out);
  const run = async (work) => {
    editor.clearProblems();
    out.replaceChildren(h('p', { role: 'status' }, 'Checking…'));
    try {
      await work();
    } catch (err) {
      if (err.field === 'yaml' && err.status === 422) editor.showProblems(err.message.split('\n'));
      else out.replaceChildren(h('p', { class: 'alert', role: 'alert' }, failure(id ? `saving ${id}` : 'checking or saving the draft', err)));
    }
  };
  const check = () => run(async () => {
    const x = await api('POST', '/api/exercises/check', { yaml: editor.text() });
    if (x.problems?.length) editor.showProblems(x.problems, `${x.problems.length} problem${x.problems.length === 1 ? '' : 's'} (nothing is saved by a check):`);
    else show(out, x);
  });
  const save = () => run(async () => {
    const saved = id ? await api('PUT', `/api/exercises/${encodeURIComponent(id)}`, { yaml: editor.text() })
      : await api('POST', '/api/exercises', { yaml: editor.text() });
    out.replaceChildren(h('p', { class: 'note', role: 'status' }, `Saved ${saved.file} (${saved.variants} variant${saved.variants === 1 ? '' : 's'}); the library serves it now. `,
      h('a', { href: `preview.html?e=${encodeURIComponent(saved.id)}` }, 'Preview it')));
  });
  return h('section', { 'aria-labelledby': 'write-h' },
    h('label', { for: 'draft' }, id ? `YAML of ${id}` : 'Exercise YAML'), editor.element,
    h('div', { class: 'row' }, h('button', { type: 'button', class: 'secondary', onclick: check }, 'Check draft'),
      h('button', { type: 'button', onclick: save }, id ? 'Save changes' : 'Save as new exercise')), out);
}

/**
 * An exercise as checked: its problems, else each variant's program beside its key (parameters change
 * the code, the prompts and the choices), one variant at a time, picked from a list naming its parameters.
 */
function show(el, x) {
  if (x.problems?.length) {
    el.replaceChildren(h('p', { class: 'alert', role: 'alert' }, `${x.problems.length} problem(s):`), problemsTable('Problems', x.problems));
    return;
  }
  const panel = h('div', { id: 'variant' });
  const pick = n => fill(panel, variantPanel(x.variants[n], n, x.variants.length));
  const uid = `variant-pick-${++pickers}`;
  const picker = x.variants.length > 1
    ? h('div', { class: 'field' }, h('label', { for: uid }, `Variant (${x.variants.length}; each student gets one)`),
      h('select', { id: uid, class: 'variant-pick', onchange: ev => pick(Number(ev.target.value)) },
        x.variants.map((v, n) => h('option', { value: n }, `${n + 1} of ${x.variants.length}: ${variantName(v)}`))))
    : null;
  fill(el, h('h2', {}, x.title), x.intro_md ? h('div', {}, rich(x.intro_md)) : x.intro ? h('p', {}, inline(x.intro)) : null, picker, panel);
  pick(0);
}

let pickers = 0;

function variantPanel(v, n, of) {
  const sources = v.code != null ? [v.code] : v.cells ?? [];
  const name = of > 1 ? ` ${n + 1} (${variantName(v)})` : '';
  return h('div', { class: 'side-by-side' },
    h('section', { 'aria-label': `Program of variant${name}` }, h('h3', {}, `Program${name}`),
      ...sources.map((src, i) => codeView(src, { label: sources.length > 1 ? `Cell ${i + 1}` : 'Program' }))),
    h('section', { class: 'panel', 'aria-label': `Answer key${name}` }, h('h3', {}, `Answer key${name}`),
      ...v.questions.map((q, k) => h('div', { class: 'question' },
        h('p', {}, h('strong', {}, `Q${k + 1}`), ` ${q.id} (${q.answer}${q.after ? ', after line ' + q.after : ''}${q.cell ? ', cell ' + q.cell : ''}) `,
          q.prompt_md ? rich(q.prompt_md) : inline(q.prompt)),
        answerNode(q, v.answers[q.id])))));
}

const variantName = v => Object.entries(v.params ?? {}).map(([k, val]) => `${k}=${val}`).join(', ') || 'no parameters';

function answerNode(q, a) {
  if (q.answer === 'heap') return h('div', { class: 'diagram' }, renderHeap(a, { title: `Answer key of ${q.id}` }));
  if (q.answer === 'choice') return h('ul', {}, (q.choices ?? []).map((c, i) => h('li', {}, a.includes(i) ? '✓ true: ' : '✗ false: ', inline(c))));
  const text = typeof a === 'boolean' ? (a ? 'True' : 'False') : Array.isArray(a) ? a.join(', ') : String(a);
  return h('pre', { class: 'output' }, text);
}

async function one() {
  const x = await api('GET', `/api/exercises/${encodeURIComponent(e)}/preview`);
  document.title = `Preview: ${x.title} — refgrade`;
  $('title').textContent = `Preview: ${x.title}`;
  show($('content'), x);
  const src = await api('GET', `/api/exercises/${encodeURIComponent(e)}/source`);
  const edit = h('details', { id: 'edit' }, h('summary', {}, h('h2', { id: 'write-h', class: 'inline' }, `Edit ${src.file}`)));
  edit.addEventListener('toggle', () => { if (edit.open && edit.children.length === 1) edit.append(authoring(e, src.yaml)); });
  $('content').append(edit);
}

(e ? one() : library()).catch(err => say($('message'), failure('loading the library', err), 'alert'));
