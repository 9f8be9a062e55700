// The playground: runs the pasted program on the server's simulator and steps through the lines
// it recorded, drawing the heap after each line and listing the counts that line changed.
import { api } from './api.js';
import { failure, h, header, say } from './page.js';
import { codeView, markLine } from './code-view.js';
import { renderHeap } from './heap-svg.js';

const SAMPLE = `import sys

a = [1, 2, 3]
b = a
c = [a, a]
del a

def f(x):
    y = x
    return len(y)

n = f(b)
c = None
print(sys.getrefcount(b))
`;

const $ = id => document.getElementById(id);
let run = null;   // the server's answer
let at = 0;       // index of the step shown

header('playground.html');
const shared = location.hash.startsWith('#code=') ? fromLink(location.hash.slice(6)) : null;
$('code').value = shared ?? sessionStorage.getItem('refgrade.playground') ?? SAMPLE;
$('beginner').addEventListener('change', () => show(at));
$('run-form').addEventListener('submit', e => { e.preventDefault(); start(); });
$('code').addEventListener('keydown', e => { if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) { e.preventDefault(); start(); } });
$('first').addEventListener('click', () => show(0));
$('prev').addEventListener('click', () => show(at - 1));
$('next').addEventListener('click', () => show(at + 1));
$('last').addEventListener('click', () => show(run.steps.length - 1));
$('slider').addEventListener('input', e => show(Number(e.target.value)));
document.addEventListener('keydown', e => {
  if (!run || ['TEXTAREA', 'INPUT', 'SELECT'].includes(e.target.tagName)) return;
  const to = { ArrowLeft: at - 1, ArrowRight: at + 1, Home: 0, End: run.steps.length - 1 }[e.key];
  if (to !== undefined) { e.preventDefault(); show(to); }
});

async function start() {
  const code = $('code').value;
  sessionStorage.setItem('refgrade.playground', code);
  $('run').disabled = true;
  say($('status'), 'Running…');
  try {
    run = await api('POST', '/api/playground/run', { code });
    run.code = code;
    // The address is the share link: the program rides in the fragment, which never reaches a server.
    history.replaceState(null, '', '#code=' + toLink(code));
    $('share').value = location.href;
    $('share-row').hidden = false;
    render();
  } catch (e) {
    $('problem').className = 'alert';
    $('problem').replaceChildren(...(e.status === 401
      ? ['This tab\'s sign-in is no longer known to the server: ', h('a', { href: 'index.html?next=playground.html' }, 'sign in'), ' again, or sign out to run programs without it.']
      : [failure('running the program', e)]));
  } finally {
    $('run').disabled = false;
  }
}

function render() {
  const p = run.error;
  say($('problem'), p ? problemText(p) : '', p ? 'alert' : '');
  $('listing').replaceChildren(codeView(run.code, { label: 'Program, current line marked' }));
  if (p?.line) markLine($('listing').firstChild, { line: p.line, cls: 'failed', tag: '← ' + p.kind });
  $('truncated').hidden = !run.truncated;
  $('truncated').textContent = `Only the first ${run.steps.length} steps are shown; the program ran on to its end.`;
  $('steps').hidden = run.steps.length === 0;
  $('slider').max = Math.max(0, run.steps.length - 1);
  $('slider').setAttribute('aria-valuetext', '');
  if (run.steps.length) show(0);
  else say($('status'), p ? problemText(p) : 'The program ran no lines.');
}

/**
 * Why the program stopped, with one prefix: the one the run's own output gives it (SyntaxError:,
 * ZeroDivisionError:), or for what the simulator refused or cut short, one in words, never both.
 */
function problemText(p) {
  const where = p.line ? ` (line ${p.line}${p.col ? ', column ' + p.col : ''})` : '';
  const own = { unsupported: ['Not supported', /^unsupported: /], limit: ['Stopped by a limit', /^limit: /] }[p.kind];
  return (own ? `${own[0]}: ${p.message.replace(own[1], '')}` : p.message) + where;
}

const where = s => s.phase === 'SHUTDOWN' ? 'the program ends' : `line ${s.line}${s.function ? ' in ' + (s.function.startsWith('<') ? s.function : s.function + '()') : ''}${s.phase === 'CONTINUED' ? ', continued' : ''}`;

function show(i) {
  if (!run || !run.steps.length) return;
  at = Math.max(0, Math.min(run.steps.length - 1, i));
  const s = run.steps[at];
  $('slider').value = at;
  const pos = `Step ${at + 1} of ${run.steps.length}`;
  $('position').textContent = pos;
  $('slider').setAttribute('aria-valuetext', `${pos}: ${where(s)}`);
  $('first').disabled = $('prev').disabled = at === 0;
  $('next').disabled = $('last').disabled = at === run.steps.length - 1;
  markLine($('listing').firstChild, { line: s.phase === 'SHUTDOWN' ? 0 : s.line, tag: '← just ran' });
  $('output').textContent = run.steps.slice(0, at + 1).map(x => x.printed).join('') + (at === run.steps.length - 1 && !run.truncated ? run.stderr : '');
  const marks = new Map();
  for (const e of s.events) if (e.node !== null) marks.set(e.node, e.kind === 'NEW' ? 'new' : 'changed');
  $('heap-title').textContent = `Heap after ${where(s)}`;
  const heap = $('beginner').checked ? beginner(s.heap) : s.heap;
  $('diagram').replaceChildren(renderHeap(heap, { title: `Heap after ${where(s)}`, marks }));
  $('events').replaceChildren(...(s.events.length ? s.events.map(eventItem) : [h('li', { class: 'muted' }, 'No object was allocated or freed and no count changed.')]));
  say($('status'), `${pos}: ${where(s)}${s.source ? ': ' + s.source : ''}. ${s.events.length} change${s.events.length === 1 ? '' : 's'}.`);
}

function eventItem(e) {
  const why = [...e.gained.map(g => '+ ' + g), ...e.lost.map(l => '− ' + l)];
  const [kind, text] = {
    NEW: ['new', e.object + ` (refcount ${e.to})`],
    COUNT: ['refcount', `${e.object}: ${e.from} → ${e.to}`],
    FREED: ['freed', e.object],
  }[e.kind];
  const reason = e.kind === 'FREED' && e.lost.length ? ['its last reference was ' + e.lost[0]] : why;
  return h('li', { 'data-kind': e.kind }, h('span', { class: 'kind' }, kind), ' ', text, reason.map(r => h('span', { class: 'why' }, r)));
}

/** UTF-8, base64url: a program in a URL fragment. */
function toLink(code) {
  let bin = '';
  for (const b of new TextEncoder().encode(code)) bin += String.fromCharCode(b);
  return btoa(bin).replaceAll('+', '-').replaceAll('/', '_').replace(/=+$/, '');
}

function fromLink(text) {
  try {
    const bin = atob(text.replaceAll('-', '+').replaceAll('_', '/'));
    return new TextDecoder().decode(Uint8Array.from(bin, c => c.charCodeAt(0)));
  } catch {
    return null; // a damaged link: the editor keeps what it had
  }
}

const MACHINERY = new Set(['module', 'function', 'type', 'builtin_function_or_method']);

/**
 * The beginner's view: the names of the program's own data and what they reach (and objects alive that
 * no name reaches), without imported modules, functions and classes, which every frame is full of.
 */
function beginner(g) {
  const byId = new Map(g.objects.map(o => [o.id, o]));
  const keep = new Set();
  const visit = id => {
    const o = byId.get(id);
    if (!o || keep.has(id) || MACHINERY.has(o.type)) return;
    keep.add(id);
    o.refs.forEach(r => visit(r.to));
  };
  const frames = g.frames.map(f => ({ ...f, names: Object.fromEntries(Object.entries(f.names).filter(([, id]) => !MACHINERY.has(byId.get(id)?.type))) }));
  frames.forEach(f => Object.values(f.names).forEach(visit));
  (g.unreachable ?? []).forEach(visit);
  return { ...g, frames, objects: g.objects.filter(o => keep.has(o.id)).map(o => ({ ...o, refs: o.refs.filter(r => keep.has(r.to)) })) };
}

if (shared !== null) start(); // a shared link shows its program running
