/**
 * The review's fields: an input for each field the model read (and each the model requires), and
 * the checks of what the reviewer typed against the model's field config before anything is sent.
 */

/** A field a model read from the document, as the demo's workflow gives it. */
export interface Field {
  label: string;
  value: unknown;
  confidence?: number;
}

/**
 * One field of a model's `fieldConfig`. `required` is the review screen's own key: the API keeps
 * keys of a field config it does not name, so a model can say which fields a reviewer must fill.
 */
export interface FieldSpec {
  type?: string;
  maxLength?: number;
  description?: string | null;
  required?: boolean;
}

const LOW_CONFIDENCE = 0.5;

// What each type of the API's field config takes, said the way a reviewer reads it.
const TYPES: Record<string, { pattern: RegExp; expected: string; inputMode?: string; example?: string }> = {
  date: { pattern: /^\d{4}-\d{2}-\d{2}$/, expected: 'a date as YYYY-MM-DD', example: '2021-10-31' },
  amount: { pattern: /^-?\d+(\.\d{1,2})?$/, expected: 'an amount like 1234.50 (a dot before the cents, no spaces)', inputMode: 'decimal', example: '1234.50' },
  number: { pattern: /^-?\d+(\.\d+)?$/, expected: 'a number', inputMode: 'decimal' },
  letter: { pattern: /^[\p{L} '-]+$/u, expected: 'letters only' },
  phone: { pattern: /^\+?[\d ()-]{4,}$/, expected: 'a phone number', inputMode: 'tel' },
  alphanum: { pattern: /^[\p{L}\d]+$/u, expected: 'letters and digits only' },
};

/** The labels to show: what the model read, then what it requires and did not read. */
export function labelsToShow(predictions: Field[], fieldConfig: Record<string, FieldSpec>): string[] {
  const read = predictions.map((field) => field.label);
  return [...new Set([...read, ...Object.keys(fieldConfig).filter((label) => fieldConfig[label].required === true)])];
}

/** The label, confidence, input and room for a problem of one field. */
export function fieldInput(label: string, value: string, spec: FieldSpec | undefined, confidence: number | undefined): HTMLDivElement {
  const id = `field-${label}`;
  const box = Object.assign(document.createElement('div'), { className: 'field' });
  const caption = Object.assign(document.createElement('label'), { htmlFor: id, textContent: label.replaceAll('_', ' ') });
  if (spec?.required) caption.append(Object.assign(document.createElement('span'), { className: 'required', textContent: ' (required)' }));
  if (confidence !== undefined) {
    const sure = Object.assign(document.createElement('small'), { textContent: ` read with ${Math.round(confidence * 100)} % confidence` });
    sure.classList.toggle('low', confidence < LOW_CONFIDENCE);
    caption.append(sure);
  }
  const input = Object.assign(document.createElement('input'), { id, name: label, value, autocomplete: 'off' });
  const type = spec?.type === undefined ? undefined : TYPES[spec.type];
  if (type?.inputMode) input.inputMode = type.inputMode;
  if (type?.example) input.placeholder = type.example;
  if (spec?.required) input.setAttribute('aria-required', 'true');
  const problem = Object.assign(document.createElement('p'), { id: `${id}-problem`, className: 'problem' });
  problem.hidden = true;
  input.setAttribute('aria-describedby', problem.id);
  box.append(caption, input, problem);
  return box;
}

/** What is wrong with `value` for a field of `spec`, in words for the reviewer; undefined when nothing is. */
export function problemOf(value: string, spec: FieldSpec | undefined): string | undefined {
  const text = value.trim();
  if (text === '') return spec?.required ? 'Fill this in: it is required.' : undefined;
  const type = spec?.type === undefined ? undefined : TYPES[spec.type];
  if (type && !type.pattern.test(text)) return `Expected ${type.expected}.`;
  if (spec?.type === 'date' && !isRealDate(text)) return 'This date does not exist.';
  if (spec?.maxLength !== undefined && text.length > spec.maxLength) return `At most ${spec.maxLength} characters (this has ${text.length}).`;
  return undefined;
}

/** Shows each field's problem beside it; returns the first input with one, or undefined when all are good. */
export function checkFields(form: HTMLFormElement, fieldConfig: Record<string, FieldSpec>): HTMLInputElement | undefined {
  let first: HTMLInputElement | undefined;
  for (const input of form.querySelectorAll<HTMLInputElement>('.field input')) {
    const problem = problemOf(input.value, Object.hasOwn(fieldConfig, input.name) ? fieldConfig[input.name] : undefined);
    const shown = document.getElementById(`${input.id}-problem`) as HTMLParagraphElement;
    shown.textContent = problem ?? '';
    shown.hidden = problem === undefined;
    input.toggleAttribute('aria-invalid', problem !== undefined);
    if (problem !== undefined) first ??= input;
  }
  return first;
}

function isRealDate(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(text);
}
