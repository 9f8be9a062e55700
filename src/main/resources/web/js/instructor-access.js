// Who may use a course, and what it may use during an exam (issue 19): a student's token reissued or
// revoked, co-instructors invited and invitations answered, the playground and draft checks switched off.
import { api } from './api.js';
import { fill, h, say } from './page.js';
import { form, table } from './forms.js';

const enc = encodeURIComponent;
const onOff = [['on', 'on'], ['off', 'off']];

/** The course page's panel: tokens, a co-instructor invitation, the course's switches. */
export async function accessPanel(el, c, students, message) {
  const switches = await api('GET', `/api/courses/${enc(c)}/switches`);
  const issued = h('div', { 'aria-live': 'polite' });
  const pick = [{ name: 'student', label: 'Student', required: true, options: students.map(s => [s.id, `${s.name} (${s.id})`]) }];
  fill(el, h('h2', { id: 'access-h' }, 'Access'),
    h('h3', {}, 'Student tokens'),
    students.length ? [
      form('Reissue a token', pick, 'Reissue token', async v => {
        const t = await api('POST', `/api/courses/${enc(c)}/students/${enc(v.student)}/token`);
        fill(issued, h('div', { class: 'panel', id: 'reissued' }, h('p', {}, h('strong', {}, 'New token — shown this once. '), 'The old one no longer works.'),
          table('New token', ['Student', 'Token'], [[t.id, h('code', {}, t.token)]])));
      }),
      form('Revoke a token', pick, 'Revoke token', async v => {
        await api('DELETE', `/api/courses/${enc(c)}/students/${enc(v.student)}/token`);
        say(message, `${v.student}'s token no longer works; reissue one to let them back in.`);
      }), issued] : h('p', { class: 'muted' }, 'No students yet.'),
    h('h3', {}, 'Co-instructors'),
    form('Invite a co-instructor', [{ name: 'id', label: 'Instructor id', required: true, hint: 'they teach the course once they accept' }],
      'Invite', async v => { await api('POST', `/api/courses/${enc(c)}/instructors`, { id: v.id }); say(message, `${v.id} is invited.`); }),
    h('h3', {}, 'During an exam'),
    form('Course switches', [
      { name: 'playground', label: 'Playground for this course\'s students', options: onOff, hint: `now ${switches.playground ? 'on' : 'off'}` },
      { name: 'draft_checks', label: 'Draft checks for this course\'s instructors', options: onOff, hint: `now ${switches.draft_checks ? 'on' : 'off'}` }],
    'Save switches', async v => {
      const now = await api('PUT', `/api/courses/${enc(c)}/switches`, { playground: v.playground === 'on', draft_checks: v.draft_checks === 'on' });
      say(message, `Playground ${now.playground ? 'on' : 'off'}, draft checks ${now.draft_checks ? 'on' : 'off'} for this course.`);
    }));
  for (const [name, on] of Object.entries(switches)) el.querySelector(`select[name=${name}]`).value = on ? 'on' : 'off';
}

/** The course list's panel: invitations to answer. Empty when there are none. */
export async function invitationsPanel(el, message) {
  const list = await api('GET', '/api/invitations');
  const answer = (inv, accept) => async () => {
    await api(accept ? 'POST' : 'DELETE', `/api/invitations/${enc(inv.course)}`);
    say(message, accept ? `You now teach ${inv.title}.` : `Invitation to ${inv.title} declined.`);
    if (accept) location.reload(); else await invitationsPanel(el, message);
  };
  fill(el, list.length ? [h('h2', {}, 'Invitations'), h('ul', {}, list.map(inv => h('li', {}, `${inv.title} (${inv.course}), from ${inv.invitedBy} `,
    h('button', { type: 'button', onclick: answer(inv, true) }, 'Accept'), ' ',
    h('button', { type: 'button', class: 'secondary', onclick: answer(inv, false) }, 'Decline'))))] : []);
}
