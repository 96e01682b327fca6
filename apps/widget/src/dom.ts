type Attrs = Record<string, string | boolean | ((event: Event) => void)>;

/** A small element builder: text is always set as text, never as HTML. */
export function h(
  tag: string,
  attrs: Attrs = {},
  ...children: Array<Node | string | null | false>
): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (typeof value === "function") element.addEventListener(name.slice(2), value);
    else if (value === true) element.setAttribute(name, "");
    else if (value !== false) element.setAttribute(name, value);
  }
  for (const child of children) if (child !== null && child !== false) element.append(child);
  return element;
}

/** A label and its control, linked by id. */
export function field(id: string, label: string, control: HTMLElement): HTMLElement {
  control.id = id;
  return h("div", {}, h("label", { for: id }, label), control);
}

export function inputValue(root: ShadowRoot, id: string): string {
  return (root.getElementById(id) as HTMLInputElement | null)?.value ?? "";
}
