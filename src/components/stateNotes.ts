/**
 * What a page says about the state it starts from: a link that could not be restored, and settings
 * saved in this browser that could not be used, never passed over in silence. Text only, never HTML.
 */
export function StateNotes(
  {linkProblem = null, stored = []}: {linkProblem?: string | null; stored?: readonly string[]},
  {what = "settings"}: {what?: string} = {}
): HTMLDivElement {
  const div = document.createElement("div");
  div.className = "tw-state-notes";
  const note = (className: string, text: string) => {
    const p = document.createElement("p");
    p.className = className;
    p.setAttribute("role", "alert");
    p.textContent = text;
    div.append(p);
  };
  if (linkProblem !== null)
    note(
      "tw-error tw-link-problem",
      `This link's ${what} could not be restored (${linkProblem}); showing the defaults. The address stays as you opened it until you change a setting.`
    );
  for (const problem of stored) note("tw-error", problem);
  return div;
}
