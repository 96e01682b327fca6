import type { ReactNode } from "react";
import {
  Button,
  FieldError,
  Input,
  Label,
  Text,
  TextArea,
  TextField,
  type TextFieldProps,
} from "react-aria-components";
import { useMessages } from "../i18n";
import { ErrorSummary } from "../layout";
import { messages as shared, type useFormErrors } from "./admin-shared";

/**
 * A labelled text field of an admin form: an optional description, a one-line input (or a text area
 * when `rows` is given) with this `id`, and the field's error under it.
 */
export function AdminTextField(
  props: {
    id: string;
    label: string;
    error: string | undefined;
    description?: string;
    rows?: number;
    autoComplete?: string;
  } & Pick<TextFieldProps, "name" | "type" | "value" | "onChange" | "isRequired">,
) {
  const { id, label, error, description, rows, autoComplete, ...field } = props;
  return (
    <TextField {...field} isInvalid={!!error} className="utrecht-form-field">
      <Label className="utrecht-form-label">{label}</Label>
      {description && (
        <Text slot="description" className="utrecht-form-field-description">
          {description}
        </Text>
      )}
      {rows ? (
        <TextArea id={id} rows={rows} className="utrecht-textarea" />
      ) : (
        <Input id={id} className="utrecht-textbox" autoComplete={autoComplete} />
      )}
      <FieldError className="utrecht-form-field-error-message">{error}</FieldError>
    </TextField>
  );
}

/** The error summary of a form, when it has errors; it takes focus again on every failed attempt. */
export function FormErrorSummary(props: { form: ReturnType<typeof useFormErrors> }) {
  const s = useMessages(shared);
  const { form } = props;
  if (form.errors.length === 0) return null;
  return <ErrorSummary key={form.attempt} title={s.errorSummary} errors={form.errors} />;
}

/** Submit (showing "saving…" while busy) and, when editing, Cancel. */
export function SaveButtons(props: { isPending: boolean; submitLabel: string; onCancel?: () => void }) {
  const s = useMessages(shared);
  return (
    <div className="button-row">
      <Button
        type="submit"
        isDisabled={props.isPending}
        className="utrecht-button utrecht-button--primary-action"
      >
        {props.isPending ? s.saving : props.submitLabel}
      </Button>
      {props.onCancel && (
        <Button className="utrecht-button utrecht-button--secondary-action" onPress={props.onCancel}>
          {s.cancel}
        </Button>
      )}
    </div>
  );
}

/** The "Edit" button of one row, named for that row for screen readers. */
export function EditButton(props: { label: string; onPress(): void }) {
  const s = useMessages(shared);
  return (
    <Button
      className="utrecht-button utrecht-button--secondary-action"
      aria-label={props.label}
      onPress={props.onPress}
    >
      {s.edit}
    </Button>
  );
}

/**
 * An admin list as a table: caption, column headers, and the rows given as children. `actionColumn`
 * adds a last header that only screen readers read, for a column of buttons.
 */
export function AdminTable(props: {
  caption: string;
  columns: string[];
  actionColumn?: string;
  children: ReactNode;
}) {
  return (
    <table className="utrecht-table admin-table">
      <caption className="utrecht-table__caption">{props.caption}</caption>
      <thead className="utrecht-table__header">
        <tr className="utrecht-table__row">
          {props.columns.map((label) => (
            <th key={label} scope="col" className="utrecht-table__header-cell">
              {label}
            </th>
          ))}
          {props.actionColumn && (
            <th scope="col" className="utrecht-table__header-cell">
              <span className="visually-hidden">{props.actionColumn}</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody className="utrecht-table__body">{props.children}</tbody>
    </table>
  );
}
