/** Colours come from the site through CSS variables (--omniloket-chat-*); the defaults meet WCAG AA. */
export const STYLES = `
:host { all: initial; }
* { box-sizing: border-box; }
.w { --p: var(--omniloket-chat-primary, #154273); --pt: var(--omniloket-chat-primary-text, #ffffff);
  --bg: var(--omniloket-chat-background, #ffffff); --tx: var(--omniloket-chat-text, #1a1a1a);
  --mu: var(--omniloket-chat-muted, #4a4a4a); --vb: var(--omniloket-chat-visitor-background, #e8eef5);
  --eb: var(--omniloket-chat-employee-background, #f3f3f3); --fc: var(--omniloket-chat-focus, #b35c00);
  font: 16px/1.5 var(--omniloket-chat-font, system-ui, sans-serif); color: var(--tx);
  position: fixed; right: 16px; bottom: 16px; z-index: 2147483000; }
button, input, select, textarea { font: inherit; }
button { cursor: pointer; border-radius: 4px; border: 2px solid var(--p); padding: 6px 12px; background: var(--bg); color: var(--p); }
button.primary, .launcher { background: var(--p); color: var(--pt); }
.launcher { padding: 10px 16px; font-weight: 600; box-shadow: 0 2px 6px rgba(0,0,0,.3); }
:focus-visible { outline: 3px solid var(--fc); outline-offset: 2px; }
.panel { width: min(380px, calc(100vw - 32px)); max-height: min(600px, calc(100vh - 32px)); display: flex; flex-direction: column;
  background: var(--bg); border: 1px solid var(--mu); border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.3); overflow: hidden; }
.panel[hidden], [hidden] { display: none !important; }
.head { display: flex; align-items: center; justify-content: space-between; gap: 8px; background: var(--p); color: var(--pt); padding: 8px 12px; }
.head h2 { font-size: 1.1em; margin: 0; }
.head button { background: transparent; color: var(--pt); border-color: var(--pt); }
.body { padding: 12px; overflow-y: auto; display: flex; flex-direction: column; gap: 10px; }
.log { display: flex; flex-direction: column; gap: 6px; min-height: 60px; max-height: 280px; overflow-y: auto; }
.log p { margin: 0; padding: 6px 10px; border-radius: 6px; white-space: pre-wrap; overflow-wrap: anywhere; }
.log .visitor { background: var(--vb); align-self: flex-end; }
.log .employee, .log .system { background: var(--eb); align-self: flex-start; }
.who { font-weight: 600; }
.status { color: var(--mu); margin: 0; }
label { display: block; font-weight: 600; margin-bottom: 2px; }
input, select, textarea { width: 100%; border: 1px solid var(--mu); border-radius: 4px; padding: 6px; color: var(--tx); background: var(--bg); }
form { display: flex; flex-direction: column; gap: 8px; margin: 0; }
.row { display: flex; gap: 8px; flex-wrap: wrap; }
.alert { color: #a4000f; margin: 0; }
p { margin: 0; }
.ident, .ident section { display: flex; flex-direction: column; gap: 8px; align-items: flex-start; }
.ident section { align-self: stretch; border-top: 1px solid var(--mu); padding-top: 8px; }
h3 { font-size: 1em; margin: 0; }
.earlier ul { list-style: none; margin: 0; padding: 0; display: flex; flex-direction: column; gap: 6px; }
`;
