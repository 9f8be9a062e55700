// One input per answer kind, each labelled by its question; read() gives the answer in the JSON form
// of `check --json` (numbers, booleans, strings, index and line lists, heap graphs), or undefined
// when the student left the question blank; write(answer) puts one back (a draft after a reload).
import { h, inline, rich } from './page.js';
import { codeView } from './code-view.js';
import { heapEditor } from './heap-editor.js';

const KIND_HELP = {
  int: 'a whole number', bool: 'True or False', text: 'a value as Python shows it', output: 'everything the program prints',
  choice: 'tick every statement that is true', lines: 'pick every line by clicking it (or Tab to it and press Enter)',
  heap: 'draw the names and objects',
};

/**
 * q: a question of the exercise view; program: the code its lines questions pick from; onchange runs
 * after edits that fire no input event (the heap editor's buttons). Returns {element, read, write}.
 */
export function questionInput(q, n, program, onchange = () => {}) {
  const id = `q-${q.id}`;
  const head = h('h3', { id: `${id}-title` }, `Question ${n} `, h('span', { class: 'muted' }, `(${q.points} point${q.points === 1 ? '' : 's'}, ${KIND_HELP[q.answer] ?? q.answer})`));
  const prompt = q.prompt_md ? h('div', { id: `${id}-prompt`, class: 'prompt' }, rich(q.prompt_md)) : h('p', { id: `${id}-prompt` }, inline(q.prompt));
  const { control, read, write } = control_(q, id, program, onchange);
  const section = h('section', { class: 'question', id, 'aria-labelledby': `${id}-title`, 'data-kind': q.answer }, head, prompt, control,
    h('div', { class: 'feedback', id: `${id}-feedback`, hidden: true }));
  return { element: section, read, write };
}

function control_(q, id, program, onchange) {
  const labelled = { 'aria-labelledby': `${id}-prompt`, id: `${id}-input`, name: q.id };
  switch (q.answer) {
    case 'int': {
      const i = h('input', { type: 'number', step: 1, inputmode: 'numeric', ...labelled });
      return { control: i, read: () => (i.value.trim() === '' ? undefined : Number(i.value)), write: v => { i.value = v; } };
    }
    case 'bool': {
      const opts = ['True', 'False'].map(v => h('label', {}, h('input', { type: 'radio', name: q.id, value: v }), ' ', v));
      const fs = h('fieldset', { 'aria-labelledby': `${id}-prompt`, id: `${id}-input` }, h('legend', { class: 'sr-only' }, 'True or False'), h('div', { class: 'row' }, opts));
      return { control: fs, read: () => { const c = fs.querySelector('input:checked'); return c ? c.value === 'True' : undefined; },
        write: v => { fs.querySelector(`input[value="${v ? 'True' : 'False'}"]`).checked = true; } };
    }
    case 'choice': {
      const boxes = (q.choices ?? []).map((c, i) => h('div', {}, h('label', {}, h('input', { type: 'checkbox', value: i, name: q.id }), ' ', inline(c))));
      const fs = h('fieldset', { 'aria-labelledby': `${id}-prompt`, id: `${id}-input` }, h('legend', { class: 'sr-only' }, 'Choices: tick every true one'), boxes);
      return { control: fs, read: () => [...fs.querySelectorAll('input:checked')].map(b => Number(b.value)),
        write: v => { for (const b of fs.querySelectorAll('input')) b.checked = v.includes(Number(b.value)); } };
    }
    case 'output': {
      const t = h('textarea', { rows: 4, class: 'code-input', spellcheck: 'false', ...labelled });
      return { control: t, read: () => (t.value === '' ? undefined : t.value.endsWith('\n') ? t.value : t.value + '\n'),
        write: v => { t.value = v.replace(/\n$/, ''); } };
    }
    case 'lines': {
      const picked = new Set();
      const shown = h('p', { class: 'muted', 'aria-live': 'polite' }, 'Picked: none');
      const list = codeView(program, { pickable: picked, label: `Lines for question ${q.id}: press a line to pick it`,
        onchange: () => { shown.textContent = 'Picked: ' + ([...picked].sort((a, b) => a - b).join(', ') || 'none'); } });
      return { control: h('div', { id: `${id}-input` }, list, shown), read: () => (picked.size ? [...picked].sort((a, b) => a - b) : undefined),
        write: v => { for (const n of v) if (!picked.has(n)) list.querySelector(`li[data-line="${n}"] button`)?.click(); } };
    }
    case 'heap': {
      const editor = heapEditor(q.names ?? [], onchange);
      return { control: h('div', { id: `${id}-input` }, editor.element), read: () => (editor.isEmpty() ? undefined : editor.value()), write: editor.load };
    }
    default: {
      const i = h('input', { type: 'text', autocomplete: 'off', spellcheck: 'false', ...labelled });
      return { control: i, read: () => (i.value === '' ? undefined : i.value), write: v => { i.value = v; } };
    }
  }
}
