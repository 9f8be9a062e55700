// Small labelled forms for the instructor pages: every field has a visible label, errors name the field.
import { failure, h, say } from './page.js';

let forms = 0;

/**
 * fields: [{name, label, type?, required?, options?, multiple?, hint?, value?} or {name, custom: {element, value()}}];
 * onsubmit(values) may throw an
 * ApiError, whose detail is shown in the form's alert.
 */
export function form(title, fields, submitText, onsubmit) {
  const uid = `f${++forms}`;
  const message = h('p', { role: 'alert' });
  const controls = fields.map(f => {
    if (f.custom) return h('div', { class: 'field wide' }, f.custom.element);
    const id = `${uid}-${f.name}`;
    const attrs = { id, name: f.name, required: f.required, 'aria-describedby': f.hint ? `${id}-hint` : null };
    const control = f.options
      ? h('select', { ...attrs, multiple: f.multiple, size: f.multiple ? Math.min(8, f.options.length) : null }, f.options.map(([v, t]) => h('option', { value: v, selected: f.value !== undefined && v === f.value }, t)))
      : h('input', { ...attrs, type: f.type ?? 'text', accept: f.accept, value: f.value });
    return h('div', { class: 'field' }, h('label', { for: id }, f.label), control, f.hint ? h('span', { id: `${id}-hint`, class: 'muted' }, f.hint) : null);
  });
  const el = h('form', { 'aria-label': title }, controls, h('button', { type: 'submit' }, submitText), message);
  el.addEventListener('submit', async e => {
    e.preventDefault();
    const values = {};
    for (const f of fields) {
      const c = el.elements[f.name];
      values[f.name] = f.custom ? f.custom.value() : f.multiple ? [...c.selectedOptions].map(o => o.value) : f.type === 'file' ? c.files[0] : c.value.trim();
    }
    say(message, '', '');
    try {
      await onsubmit(values);
    } catch (err) {
      say(message, failure(submitText.toLowerCase(), err), 'alert');
    }
  });
  return el;
}

/** A table with a caption (read by screen readers), a header row and rows of cells. */
export function table(caption, head, rows) {
  return h('table', { class: 'data' }, h('caption', { class: 'sr-only' }, caption),
    h('thead', {}, h('tr', {}, head.map(t => h('th', { scope: 'col' }, t)))),
    h('tbody', {}, rows.map(r => h('tr', {}, r.map(cell => h('td', {}, cell))))));
}
