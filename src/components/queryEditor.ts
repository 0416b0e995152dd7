/** An example query, offered as a button. */
export interface ExampleQuery {
  label: string;
  query: string;
}

/**
 * A SQL editor whose value is the last query run: Run (or Ctrl/⌘+Enter) runs the text, an example
 * button puts its query in the editor and runs it. Typing alone runs nothing.
 */
export function QueryEditor({
  value,
  examples = []
}: {
  value: string;
  examples?: readonly ExampleQuery[];
}): HTMLFormElement {
  const form = document.createElement("form");
  form.className = "tw-query-editor";
  const textarea = document.createElement("textarea");
  textarea.setAttribute("aria-label", "SQL query");
  textarea.spellcheck = false;
  textarea.rows = 7;
  textarea.value = value;
  Object.assign(textarea.style, {
    width: "100%",
    fontFamily: "var(--monospace)",
    fontSize: "14px",
    boxSizing: "border-box"
  });
  // Keystrokes are not a new value: only a run is.
  textarea.addEventListener("input", (event) => event.stopPropagation());
  let current = value;
  Object.defineProperty(form, "value", {get: () => current, set: (v: string) => (textarea.value = current = v)});
  const run = () => {
    current = textarea.value;
    form.dispatchEvent(new Event("input", {bubbles: true}));
  };
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    run();
  });
  textarea.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      run();
    }
  });
  const buttons = document.createElement("div");
  buttons.className = "tw-query-buttons";
  Object.assign(buttons.style, {display: "flex", flexWrap: "wrap", gap: "0.5rem", marginTop: "0.5rem"});
  const submit = document.createElement("button");
  submit.type = "submit";
  submit.textContent = "Run";
  buttons.append(submit);
  for (const example of examples) {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "tw-example";
    button.textContent = example.label;
    button.addEventListener("click", () => {
      textarea.value = example.query;
      run();
    });
    buttons.append(button);
  }
  form.append(textarea, buttons);
  return form;
}
