// Starts the GOV.UK Frontend components on pages that load JavaScript; pages work without it.
import { initAll } from "./govuk-frontend.min.js";

document.body.classList.add("govuk-frontend-supported", "js-enabled");
initAll();
