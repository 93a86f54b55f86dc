// The design system's components (error summary focus, header menu, buttons), started once the
// page has loaded. A module: browsers too old for modules get the pages without any script, and
// every form still works.
import { initAll } from './nhsuk/nhsuk-frontend.min.js';

document.body.classList.add('js-enabled', 'nhsuk-frontend-supported');
initAll();
