// Inputs in the units a reader thinks in, while the model, the link and scenario files keep theirs:
// a percentage slider whose value is a fraction, an amount of money shown as "USD 150,000".
import {currency, formatNumber} from "./format.js";

type Input = HTMLElement & {value: number};

/** Enables or disables every control inside an input (Inputs builds a number box and a slider). */
export function setDisabled(input: Element, disabled: boolean): void {
  for (const control of input.querySelectorAll("input, select, button"))
    (control as HTMLInputElement).disabled = disabled;
  input.classList.toggle("tw-disabled", disabled);
}

/**
 * An input shown in percent and read as a fraction: `Percent(Inputs.range([0, 50], {step: 0.5,
 * label: "Discount rate (%)", value: 100 * rate}))` has the value 0.08 when it shows 8. Values are
 * rounded to 12 significant digits each way, so 7 reads as 0.07, not 0.07000000000000001.
 */
export function Percent(input: Input): Input {
  const wrapper = document.createElement("div") as unknown as Input;
  wrapper.className = "tw-unit-input";
  wrapper.append(input);
  Object.defineProperty(wrapper, "value", {
    get: () => Number((input.value / 100).toPrecision(12)),
    set: (v: number) => void (input.value = Number((v * 100).toPrecision(12)))
  });
  return wrapper;
}

/**
 * A slider over an amount of money that shows the amount with its currency and thousands separators
 * ("USD 150,000") on a line of its own under the number box and the slider, so the amount can still
 * be typed exactly and the readout never runs out of a narrow card.
 */
export function Amount(
  input: Input,
  {currency: code = currency(), suffix = ""}: {currency?: string; suffix?: string} = {}
): Input {
  const box = input.querySelector<HTMLInputElement>("input[type=number]");
  const slider = input.querySelector<HTMLInputElement>("input[type=range]");
  if (!box || !slider) return input;
  const output = document.createElement("output");
  output.className = "tw-amount";
  output.htmlFor.add(box.id);
  output.style.flexBasis = "100%";
  output.style.fontSize = "90%";
  if (slider.parentElement) slider.parentElement.style.flexWrap = "wrap";
  // Wrapping lets the box grow to the row's width; keep it as wide as the other number boxes.
  box.style.flex = "0 0 auto";
  slider.style.flex = "1 1 0";
  slider.after(output);
  const show = () => void (output.textContent = `${code} ${formatNumber(input.value)}${suffix}`);
  input.addEventListener("input", show);
  show();
  // A value set from code (Inputs.form passes its value on) updates the readout too.
  const proto = Object.getOwnPropertyDescriptor(input, "value");
  if (proto?.configurable) {
    Object.defineProperty(input, "value", {get: proto.get!, set: (v: number) => (proto.set!.call(input, v), show())});
  }
  return input;
}
