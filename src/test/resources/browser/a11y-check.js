// Accessibility smoke check run inside the page: every form control has a label, every button and
// link an accessible name, every drawing a title; the page has a title, a language and one h1.
const problems = [];
const named = el => (el.getAttribute('aria-label') || '').trim() || (el.getAttribute('aria-labelledby') || '').trim() || (el.title || '').trim();
for (const el of document.querySelectorAll('input, select, textarea')) {
  if (el.type === 'hidden') continue;
  if (!(el.labels && el.labels.length) && !named(el)) problems.push('control without a label: ' + el.outerHTML.slice(0, 120));
}
for (const el of document.querySelectorAll('button, a[href], [role=button]')) {
  if (!el.textContent.trim() && !named(el)) problems.push('button or link without a name: ' + el.outerHTML.slice(0, 120));
}
for (const el of document.querySelectorAll('svg')) {
  if (el.getAttribute('aria-hidden') !== 'true' && !el.querySelector(':scope > title') && !named(el)) problems.push('svg without a title: ' + el.outerHTML.slice(0, 80));
}
for (const el of document.querySelectorAll('img')) if (!el.hasAttribute('alt')) problems.push('img without alt');
if (!document.title.trim()) problems.push('page without a title');
if (!document.documentElement.lang) problems.push('html without lang');
if (document.querySelectorAll('h1').length !== 1) problems.push('expected one h1, found ' + document.querySelectorAll('h1').length);
const ids = [...document.querySelectorAll('[id]')].map(e => e.id);
for (const id of new Set(ids.filter((x, i) => ids.indexOf(x) !== i))) problems.push('duplicate id: ' + id);
return problems;
