import { gzipSync } from "node:zlib";
import { nlDesignSystemCss } from "./nl-design-system-css";

/**
 * Our own part of the residents' stylesheet: page layout and the few things the NL Design System's
 * HTML styles do not cover (skip link, header bar, error summary, the reference). Colours and type
 * come from the theme's design tokens, so a municipality's theme changes them too.
 */
export const OWN_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0}
.skip{position:absolute;left:-999px;top:0;padding:.5rem 1rem;background:var(--basis-color-default-bg-document);color:var(--utrecht-link-color)}
.skip:focus{left:1rem;z-index:1}
header{background:var(--basis-color-action-1-inverse-bg-default);color:var(--basis-color-action-1-inverse-color-default);padding:1rem}
.utrecht-html header p{margin:0;max-width:40rem;margin-inline:auto;font-weight:600;color:inherit}
main{display:block;max-width:40rem;margin:0 auto;padding:1rem}
a:focus,input:focus,select:focus,textarea:focus,button:focus,[tabindex]:focus{outline:3px solid var(--basis-focus-outline-color);outline-offset:2px;box-shadow:0 0 0 6px #ffbf47}
.lang{text-align:right;margin:0}
.field{margin:1.5rem 0}
label{display:block;font-weight:600}
.check label{display:inline;font-weight:400}
.req{font-weight:400}
.hint{margin:.25rem 0;color:var(--utrecht-form-field-description-color)}
input[type=text],input[type=email],input[type=tel],input[type=date],input[type=number],select,textarea{display:block;width:100%;max-width:100%}
input[type=checkbox],input[type=radio]{width:1.5rem;height:1.5rem;vertical-align:middle;margin-right:.5rem}
textarea{min-height:8rem}
.error{color:var(--basis-color-negative-color-document);font-weight:600;margin:.25rem 0}
.field.invalid{border-left:4px solid var(--basis-color-negative-border-default);padding-left:.75rem}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:var(--basis-color-negative-border-default)}
.error-summary{border:4px solid var(--basis-color-negative-border-default);padding:1rem;margin:1rem 0}
.error-summary h2{margin-top:0}
.reference{font-size:1.5rem;font-weight:700;letter-spacing:.1em}
pre{white-space:pre-wrap;overflow-wrap:anywhere}
.utrecht-html button[type=submit]{background-color:var(--utrecht-button-primary-action-background-color);border-color:var(--utrecht-button-primary-action-border-color);color:var(--utrecht-button-primary-action-color)}
.utrecht-html button[type=submit]:hover{background-color:var(--utrecht-button-primary-action-hover-background-color);border-color:var(--utrecht-button-primary-action-hover-border-color);color:var(--utrecht-button-primary-action-hover-color)}
`;

/**
 * The stylesheet of every page residents see (web forms, the portal): the NL Design System's HTML styles
 * with the example theme's tokens, then our own part.
 */
export const FORM_CSS = `${nlDesignSystemCss(OWN_CSS)}\n${OWN_CSS}`;

/** The same, compressed once per process (the NL Design System styles are most of a page's weight). */
export const FORM_CSS_GZIP = gzipSync(FORM_CSS, { level: 9 });
