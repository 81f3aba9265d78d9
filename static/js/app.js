import { initAll } from "../govuk/govuk-frontend.min.js";

// A second click on a button that sends a form is ignored (GOV.UK Frontend's Button does this
// for buttons marked data-prevent-double-click). Templates and forms mark theirs; this catches
// any that were missed. The server also acts on a form only once (one-time form tokens).
document.querySelectorAll('form[method="post" i] [type="submit"]').forEach((button) => {
  button.dataset.module = button.dataset.module || "govuk-button";
  button.dataset.preventDoubleClick = "true";
});

initAll();
