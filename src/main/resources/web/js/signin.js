// Sign-in: checks the token with GET /api/me, keeps it in this browser, and goes where the role belongs.
import { api, session } from './api.js';
import { header, params, say } from './page.js';

header('index.html');
const form = document.getElementById('signin');
form.addEventListener('submit', async e => {
  e.preventDefault();
  session.signIn(form.token.value.trim());
  try {
    const me = await api('GET', '/api/me');
    session.remember(me);
    location.href = params().next || (me.role === 'student' ? 'assignments.html' : 'instructor.html');
  } catch (err) {
    session.signOut();
    say(document.getElementById('message'), err.status === 401 ? 'That token is not known to this server.' : 'Could not sign in: ' + err.message, 'alert');
  }
});
