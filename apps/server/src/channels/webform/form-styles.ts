/** One small, calm stylesheet; the NL Design System look comes later. */
export const FORM_CSS = `
*,*::before,*::after{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;font-size:1.125rem;line-height:1.5;color:#1a1a1a;background:#fff}
.skip{position:absolute;left:-999px;top:0;padding:.5rem 1rem;background:#fff;color:#00437a}
.skip:focus{left:1rem;z-index:1}
header{background:#00437a;color:#fff;padding:1rem}
header p{margin:0;max-width:40rem;margin-inline:auto;font-weight:600}
main{display:block;max-width:40rem;margin:0 auto;padding:1rem}
a{color:#00437a}
a:focus,input:focus,select:focus,textarea:focus,button:focus{outline:3px solid #ffbf47;outline-offset:2px}
.lang{text-align:right;margin:0}
.field{margin:1.5rem 0}
label{display:block;font-weight:600}
.check label{display:inline;font-weight:400}
.req{font-weight:400}
.hint{margin:.25rem 0;color:#4a4a4a}
input[type=text],input[type=email],input[type=tel],select,textarea{display:block;width:100%;padding:.5rem;font:inherit;border:2px solid #1a1a1a;border-radius:0}
input[type=checkbox]{width:1.5rem;height:1.5rem;vertical-align:middle;margin-right:.5rem}
textarea{min-height:8rem}
.error{color:#b00020;font-weight:600;margin:.25rem 0}
.field.invalid{border-left:4px solid #b00020;padding-left:.75rem}
.field.invalid input,.field.invalid select,.field.invalid textarea{border-color:#b00020}
.error-summary{border:4px solid #b00020;padding:1rem;margin:1rem 0}
.error-summary h2{margin-top:0}
button{font:inherit;font-weight:600;padding:.75rem 1.5rem;background:#00437a;color:#fff;border:0;cursor:pointer}
.reference{font-size:1.5rem;font-weight:700;letter-spacing:.1em}
`;
