// The design system's components (error summary focus, header menu, buttons), started once the
// page has loaded. A module: browsers too old for modules get the pages without any script, and
// every form still works.
import { initAll } from './nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();

// Sessions end after a while without a page asked for (data-session-seconds on the body): two
// minutes before, say so and offer to stay signed in; at the end, go to the sign-in page, which
// says the session ended. Without JavaScript the session still ends; the next page says so.
const sessionSeconds = Number(document.body.dataset.sessionSeconds);
if (sessionSeconds > 0) {
  const warning = document.getElementById('session-warning');
  const stay = document.getElementById('session-keep-alive');
  const warnBefore = Math.min(120, sessionSeconds / 2);
  let warnTimer;
  let endTimer;
  const start = () => {
    clearTimeout(warnTimer);
    clearTimeout(endTimer);
    warnTimer = setTimeout(() => {
      warning.hidden = false;
      warning.setAttribute('role', 'alert');
      stay.focus();
    }, (sessionSeconds - warnBefore) * 1000);
    endTimer = setTimeout(() => {
      window.location.assign('/sign-in?expired');
    }, sessionSeconds * 1000);
  };
  stay.addEventListener('click', async () => {
    const answer = await fetch('/session/keep-alive', { credentials: 'same-origin' });
    if (answer.ok && !answer.redirected) {
      warning.hidden = true;
      warning.removeAttribute('role');
      start();
    } else {
      window.location.assign('/sign-in?expired');
    }
  });
  // A request of htmx (the read models' progress, the inbox's filter) keeps the session going too.
  document.body.addEventListener('htmx:afterRequest', start);
  start();
}
