// Choosing an assignment's exercises: a search over the library's titles, ids and tags, ticks to add,
// and the chosen ones in order with buttons to move or drop each. All form controls, so the keyboard
// does everything a mouse does.
import { h } from './page.js';

let pickers = 0;

/** lib: [{id, title, tags}]; chosen: ids already in the assignment, in order. Returns {element, value}. */
export function exercisePicker(lib, chosen = []) {
  const uid = `pk${++pickers}`;
  const order = [...chosen];
  const byId = new Map(lib.map(x => [x.id, x]));
  const search = h('input', { type: 'search', id: `${uid}-search`, autocomplete: 'off', placeholder: 'title, id or tag' });
  const results = h('ul', { class: 'picker-results', id: `${uid}-results`, 'aria-label': 'Exercises of the library' });
  const list = h('ol', { class: 'picker-chosen', 'aria-label': 'Chosen exercises, in order' });
  const status = h('p', { class: 'muted', 'aria-live': 'polite' });

  const matches = (x, q) => !q || [x.id, x.title, ...(x.tags ?? [])].some(s => s.toLowerCase().includes(q));
  function showResults() {
    const q = search.value.trim().toLowerCase();
    const shown = lib.filter(x => matches(x, q));
    results.replaceChildren(...shown.map(x => {
      const box = h('input', { type: 'checkbox', id: `${uid}-x-${x.id}`, checked: order.includes(x.id) });
      box.addEventListener('change', () => {
        if (box.checked) order.push(x.id); else order.splice(order.indexOf(x.id), 1);
        showChosen();
      });
      return h('li', {}, box, ' ', h('label', { for: `${uid}-x-${x.id}` }, x.title), ' ', h('code', {}, x.id),
        (x.tags ?? []).length ? h('span', { class: 'muted' }, ' · ' + x.tags.join(', ')) : null);
    }));
    status.textContent = `${shown.length} of ${lib.length} exercises shown.`;
  }
  function move(i, by, focus) {
    const [x] = order.splice(i, 1);
    order.splice(i + by, 0, x);
    showChosen(focus);
  }
  function showChosen(focus) {
    list.replaceChildren(...order.map((id, i) => {
      const title = byId.get(id)?.title ?? id;
      return h('li', { 'data-id': id }, title, ' ',
        h('button', { type: 'button', class: 'secondary small', 'data-focus': `up-${id}`, disabled: i === 0, 'aria-label': `move ${title} up`,
          onclick: () => move(i, -1, `up-${id}`) }, '↑'),
        h('button', { type: 'button', class: 'secondary small', 'data-focus': `down-${id}`, disabled: i === order.length - 1, 'aria-label': `move ${title} down`,
          onclick: () => move(i, 1, `down-${id}`) }, '↓'),
        h('button', { type: 'button', class: 'secondary small', 'aria-label': `remove ${title}`,
          onclick: () => { order.splice(i, 1); showChosen(); showResults(); } }, '✕'));
    }));
    if (!order.length) list.append(h('li', { class: 'muted' }, 'None chosen yet.'));
    if (focus) list.querySelector(`[data-focus="${focus}"]:not([disabled])`)?.focus();
  }
  search.addEventListener('input', showResults);
  showResults();
  showChosen();
  const element = h('fieldset', { class: 'picker' }, h('legend', {}, 'Exercises'),
    h('label', { for: search.id }, 'Find exercises'), search, status, results,
    h('p', {}, h('strong', {}, 'Chosen, in order:')), list);
  return { element, value: () => [...order] };
}
