// A small editor for heap answers: the student says which object each name refers to, lists objects
// (type, value) and their references (label -> object), and sees the drawing update as they go.
// Everything is a form control, so it works from the keyboard; value() is the documented heap JSON.
// The drawing can be drawn on too: drag from a name's or a reference's dot to an object (or to empty
// space, for a new object), or from one object to another to add a reference; the form follows.
import { h } from './page.js';
import { renderHeap } from './heap-svg.js';

const TYPES = ['list', 'tuple', 'dict', 'set', 'int', 'float', 'str', 'bool', 'NoneType'];

let editors = 0;

/** names: the names the question asks about. onchange runs after every edit. */
export function heapEditor(names, onchange = () => {}) {
  const uid = `he${++editors}`;
  const model = { names: Object.fromEntries(names.map(n => [n, null])), objects: [] };
  let nextId = 0;
  const root = h('div', { class: 'heap-editor' });
  const preview = h('div', { class: 'diagram', 'aria-live': 'off' });

  const changed = () => {
    // Typing a type or value renames the object in every menu that offers it.
    for (const opt of root.querySelectorAll('option[data-obj]')) {
      const o = model.objects.find(x => x.id === Number(opt.dataset.obj));
      if (o) opt.textContent = objectName(o);
    }
    preview.replaceChildren(renderHeap(drawing(), { title: 'Your drawing', counts: false, ports: true }));
    onchange();
  };
  dragToDraw();
  const objectName = o => `#${o.id} ${o.type || 'object'}${o.value ? ' ' + o.value : ''}`;

  function targetSelect(current, label, set) {
    const s = h('select', { 'aria-label': label },
      h('option', { value: '' }, '— nothing —'),
      model.objects.map(o => h('option', { value: o.id, 'data-obj': o.id, selected: o.id === current }, objectName(o))));
    s.addEventListener('change', () => { set(s.value === '' ? null : Number(s.value)); changed(); });
    return s;
  }

  function render(focusSelector) {
    const typeList = h('datalist', { id: `${uid}-types` }, TYPES.map(t => h('option', { value: t })));
    const namesTable = h('table', { class: 'data' }, h('caption', { class: 'sr-only' }, 'Names'),
      h('tr', {}, h('th', { scope: 'col' }, 'Name'), h('th', { scope: 'col' }, 'Refers to')),
      Object.keys(model.names).map(n => h('tr', {}, h('th', { scope: 'row' }, h('code', {}, n)),
        h('td', {}, targetSelect(model.names[n], `${n} refers to`, v => { model.names[n] = v; })))));
    const objects = model.objects.map(o => {
      const field = (key, label, attrs = {}) => {
        const i = h('input', { 'aria-label': `${label} of object #${o.id}`, value: o[key] ?? '', ...attrs });
        i.addEventListener('input', () => { o[key] = i.value; changed(); });
        return i;
      };
      const refs = o.refs.map((r, k) => {
        const label = h('input', { 'aria-label': `label of reference ${k + 1} of object #${o.id}`, value: r.label, size: 8, list: `${uid}-labels`, 'data-focus': `ref-${o.id}-${k}` });
        label.addEventListener('input', () => { r.label = label.value; changed(); });
        return h('li', {}, label, ' → ', targetSelect(r.to, `reference ${k + 1} of object #${o.id} points to`, v => { r.to = v; }),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `remove reference ${k + 1} of object #${o.id}`,
            onclick: () => { o.refs.splice(k, 1); render(`[data-focus="add-ref-${o.id}"]`); changed(); } }, 'Remove'));
      });
      return h('fieldset', {}, h('legend', {}, `Object #${o.id}`),
        h('div', { class: 'row' },
          h('label', { for: `${uid}-type-${o.id}` }, 'Type'), field('type', 'type', { id: `${uid}-type-${o.id}`, list: `${uid}-types`, size: 10, 'data-focus': `type-${o.id}` }),
          h('label', { for: `${uid}-value-${o.id}` }, 'Value'), field('value', 'value', { id: `${uid}-value-${o.id}`, size: 10, placeholder: 'e.g. 1 or \'a\'' }),
          h('button', { type: 'button', class: 'secondary', 'aria-label': `remove object #${o.id}`, onclick: () => remove(o) }, 'Remove object')),
        h('ul', { class: 'refs', 'aria-label': `references of object #${o.id}` }, refs),
        h('button', { type: 'button', class: 'secondary', 'data-focus': `add-ref-${o.id}`,
          onclick: () => { o.refs.push({ label: `[${o.refs.length}]`, to: null }); render(`[data-focus="ref-${o.id}-${o.refs.length - 1}"]`); changed(); } },
          'Add reference'));
    });
    root.replaceChildren(typeList,
      h('datalist', { id: `${uid}-labels` }, ['[0]', '[1]', '[2]', "['key']", '.attr'].map(v => h('option', { value: v }))),
      h('p', { class: 'muted' }, 'List and tuple items are labelled [0], [1]…; dict values [\'key\']; attributes .name.'),
      namesTable, ...objects,
      h('button', { type: 'button', 'data-focus': 'add-object', onclick: add }, 'Add object'),
      h('p', { class: 'muted' }, 'Your drawing. Drag from a dot to an object to point the arrow there (to empty space: a new object), or from one object to another to add a reference.'), preview);
    if (focusSelector) root.querySelector(focusSelector)?.focus();
  }

  function add() {
    const o = newObject();
    render(`[data-focus="type-${o.id}"]`);
    changed();
  }

  function remove(o) {
    model.objects.splice(model.objects.indexOf(o), 1);
    for (const n of Object.keys(model.names)) if (model.names[n] === o.id) model.names[n] = null;
    for (const x of model.objects) x.refs = x.refs.filter(r => r.to !== o.id);
    render('[data-focus="add-object"]');
    changed();
  }

  /** What the preview draws: every name and reference, those not pointing anywhere yet with a dot to drag from. */
  function drawing() {
    return { names: { ...model.names }, objects: model.objects.map(o => ({ id: o.id, type: o.type.trim() || 'object', value: o.value.trim() || null,
      refs: o.refs.map(r => ({ label: r.label.trim() || '?', to: r.to })) })) };
  }

  /**
   * Pointer drawing on the preview: from a dot (data-port) or an object box to an object box sets that
   * arrow's target or adds a reference; a dot dropped on empty space makes a new object there and
   * puts the cursor in its type. Released outside the drawing, nothing changes.
   */
  function dragToDraw() {
    let drag = null;
    const at = (svg, ev) => new DOMPoint(ev.clientX, ev.clientY).matrixTransform(svg.getScreenCTM().inverse());
    preview.addEventListener('pointerdown', ev => {
      const port = ev.target.closest?.('[data-port]');
      const box = port ? null : ev.target.closest?.('g.object[data-id]');
      const svg = ev.target.ownerSVGElement ?? (ev.target.tagName === 'svg' ? ev.target : null);
      if ((!port && !box) || !svg) return;
      ev.preventDefault();
      const from = at(svg, ev);
      const line = document.createElementNS('http://www.w3.org/2000/svg', 'line');
      for (const [k, v] of Object.entries({ x1: from.x, y1: from.y, x2: from.x, y2: from.y, class: 'drag-line' })) line.setAttribute(k, v);
      svg.append(line);
      drag = { from: port ? port.dataset.port : `new:${box.dataset.id}`, svg, line };
      preview.setPointerCapture?.(ev.pointerId);
    });
    preview.addEventListener('pointermove', ev => {
      if (!drag) return;
      const p = at(drag.svg, ev);
      drag.line.setAttribute('x2', p.x);
      drag.line.setAttribute('y2', p.y);
    });
    const end = ev => {
      if (!drag) return;
      const d = drag;
      drag = null;
      d.line.remove();
      if (ev.type !== 'pointerup') return;
      const under = document.elementFromPoint(ev.clientX, ev.clientY);
      if (!under || !preview.contains(under)) return;
      const hit = under.closest('g.object[data-id]');
      const target = hit ? Number(hit.dataset.id) : null;
      if (d.from.startsWith('new:')) {
        const o = model.objects.find(x => x.id === Number(d.from.slice(4)));
        if (!o || target === null) return;
        const n = o.refs.length;
        o.refs.push({ label: ['dict'].includes(o.type.trim()) ? "['key']" : ['list', 'tuple'].includes(o.type.trim().toLowerCase()) || !o.type.trim() ? `[${n}]` : '.attr', to: target });
        render(`[data-focus="ref-${o.id}-${n}"]`);
      } else {
        const made = target === null ? newObject() : null;
        point(d.from, made ? made.id : target);
        render(made ? `[data-focus="type-${made.id}"]` : undefined);
      }
      changed();
    };
    preview.addEventListener('pointerup', end);
    preview.addEventListener('pointercancel', end);
  }

  /** Points a name ("name:N") or an object's reference ("ref:O:K") at object id. */
  function point(port, id) {
    const [kind, a, k] = port.split(':');
    if (kind === 'name') model.names[a] = id;
    else {
      const r = model.objects.find(x => x.id === Number(a))?.refs[Number(k)];
      if (r) r.to = id;
    }
  }

  function newObject() {
    const o = { id: nextId++, type: '', value: '', refs: [] };
    model.objects.push(o);
    return o;
  }

  /** The drawing as the documented heap JSON: unset names and dangling references left out. */
  function value() {
    const names = Object.fromEntries(Object.entries(model.names).filter(([, v]) => v !== null));
    const objects = model.objects.map(o => ({ id: o.id, type: o.type.trim(), value: o.value.trim() || null,
      refs: o.refs.filter(r => r.to !== null && r.label.trim()).map(r => ({ label: r.label.trim(), to: r.to })) }));
    return { names, objects };
  }

  /** Puts a drawing back (a draft kept across a reload), in the JSON value() gives. */
  function load(v) {
    for (const n of Object.keys(model.names)) model.names[n] = v?.names?.[n] ?? null;
    model.objects = (v?.objects ?? []).map(o => ({ id: o.id, type: o.type ?? '', value: o.value ?? '',
      refs: (o.refs ?? []).map(r => ({ label: r.label, to: r.to })) }));
    nextId = Math.max(-1, ...model.objects.map(o => o.id)) + 1;
    render();
    changed();
  }

  render();
  changed();
  return { element: root, value, load, isEmpty: () => model.objects.length === 0 };
}
