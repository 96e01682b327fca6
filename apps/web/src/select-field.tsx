import type { ReactNode } from "react";

export type SelectOption = { value: string; label: string };

/**
 * A labelled native select in the Utrecht form-field style. Uncontrolled with `defaultValue` (forms
 * read it on submit) or controlled with `value` and `onChange`; `leading` options come before `options`.
 */
export function SelectField(props: {
  id: string;
  name: string;
  label: string;
  options: readonly SelectOption[];
  leading?: ReactNode;
  defaultValue?: string;
  value?: string;
  onChange?: (value: string) => void;
}) {
  const { onChange } = props;
  return (
    <div className="utrecht-form-field">
      <label className="utrecht-form-label" htmlFor={props.id}>
        {props.label}
      </label>
      <select
        id={props.id}
        name={props.name}
        className="utrecht-select"
        defaultValue={props.defaultValue}
        value={props.value}
        onChange={onChange ? (event) => onChange(event.target.value) : undefined}
      >
        {props.leading}
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
