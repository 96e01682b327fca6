import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Button, Checkbox, CheckboxGroup, Form, Label } from "react-aria-components";
import { api } from "../api";
import { useMessages } from "../i18n";
import { useFocusOnMount } from "../layout";
import { AdminTable, AdminTextField, EditButton, FormErrorSummary, SaveButtons } from "./admin-form-parts";
import {
  AdminPage,
  QueryState,
  StatusMessage,
  messages as shared,
  TopicNames,
  TopicPicker,
  useAdminQuery,
  useFormErrors,
  useTopics,
} from "./admin-shared";
import {
  ADMIN_ROLES,
  type AddedEmployee,
  type AdminEmployee,
  type AdminEmployeeChanges,
  type AdminTeam,
  type AdminTopic,
  type Items,
} from "./admin-types";

export const messages = {
  nl: {
    title: "Medewerkers",
    intro:
      "Wie werkt er in de werkplek, met welke rollen. Onderwerpen en talen bepalen welke vragen iemand krijgt.",
    listCaption: "Medewerkers van uw gemeente",
    name: "Naam",
    email: "E-mailadres",
    roles: "Rollen",
    skills: "Onderwerpen",
    skillsHelp: "Niets gekozen: deze medewerker krijgt vragen over alle onderwerpen.",
    languages: "Talen",
    languagesHelp: "Taalcodes van drie letters, gescheiden door komma's. Bijvoorbeeld: nld, eng, tur.",
    teams: "Teams",
    noTeams: "Geen team",
    editTitle: (name: string) => `${name} bewerken`,
    editLabel: (name: string) => `${name} bewerken`,
    saved: (name: string) => `De gegevens van ${name} zijn opgeslagen.`,
    newEmployee: "Nieuwe medewerker",
    add: "Medewerker toevoegen",
    added: (email: string) => `${email} is toegevoegd.`,
    onceTitle: "Geef deze gegevens één keer door",
    onceText: "Het wachtwoord is maar één keer te zien. Geef het veilig door aan de medewerker.",
    password: "Eenmalig wachtwoord",
    totp: "Geheim voor de authenticator-app",
    nameField: "de naam",
    emailField: "het e-mailadres",
    rolesField: "minstens één rol",
    languagesField: "minstens één taal",
  },
  en: {
    title: "Employees",
    intro:
      "Who works in the workspace, with which roles. Topics and languages decide which questions someone gets.",
    listCaption: "Your municipality's employees",
    name: "Name",
    email: "Email address",
    roles: "Roles",
    skills: "Topics",
    skillsHelp: "None chosen: this employee gets questions about every topic.",
    languages: "Languages",
    languagesHelp: "Three-letter language codes, separated by commas. For example: nld, eng, tur.",
    teams: "Teams",
    noTeams: "No team",
    editTitle: (name: string) => `Edit ${name}`,
    editLabel: (name: string) => `Edit ${name}`,
    saved: (name: string) => `${name}'s details have been saved.`,
    newEmployee: "New employee",
    add: "Add employee",
    added: (email: string) => `${email} has been added.`,
    onceTitle: "Pass these details on once",
    onceText: "The password is shown only once. Pass it on to the employee safely.",
    password: "One-time password",
    totp: "Secret for the authenticator app",
    nameField: "the name",
    emailField: "the email address",
    rolesField: "at least one role",
    languagesField: "at least one language",
  },
};

const parseLanguages = (text: string) =>
  text
    .split(/[\s,;]+/)
    .map((code) => code.trim().toLowerCase())
    .filter(Boolean);

/** Admins: employees with roles, skills, languages and teams; edit one, or add a new one. */
export function AdminEmployeesPage() {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const employees = useAdminQuery<Items<AdminEmployee>>(["employees"], "/admin/employees");
  const teams = useAdminQuery<Items<AdminTeam>>(["teams"], "/admin/teams");
  const topics = useTopics();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = employees.data?.items ?? [];
  const employee = items.find((e) => e.id === editing);
  const teamNames = (ids: string[]) =>
    ids.map((id) => teams.data?.items.find((t) => t.id === id)?.name ?? id).join(", ") || m.noTeams;

  return (
    <AdminPage title={m.title} intro={m.intro}>
      <StatusMessage message={status} />
      <QueryState isPending={employees.isPending} error={employees.error ?? topics.error} />
      {items.length > 0 && (
        <AdminTable
          caption={m.listCaption}
          columns={[m.name, m.email, m.roles, m.skills, m.languages, m.teams]}
          actionColumn={s.edit}
        >
          {items.map((e) => (
            <tr key={e.id} className="utrecht-table__row" data-testid="admin-employee">
              <th scope="row" className="utrecht-table__cell">
                {e.name}
              </th>
              <td className="utrecht-table__cell">{e.email}</td>
              <td className="utrecht-table__cell">{e.roles.map((r) => s.roles[r] ?? r).join(", ")}</td>
              <td className="utrecht-table__cell">
                <TopicNames ids={e.skillTopicIds} topics={topics.data?.topics} none={s.allTopics} />
              </td>
              <td className="utrecht-table__cell">{e.languages.join(", ")}</td>
              <td className="utrecht-table__cell">{teamNames(e.teamIds)}</td>
              <td className="utrecht-table__cell">
                <EditButton
                  label={m.editLabel(e.name)}
                  onPress={() => {
                    setStatus(null);
                    setEditing(e.id);
                  }}
                />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {employee && topics.data && (
        <EditEmployeeForm
          key={employee.id}
          employee={employee}
          topics={topics.data.topics}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
          }}
        />
      )}
      {!employee && <AddEmployeeForm />}
    </AdminPage>
  );
}

function RolePicker(props: { id: string; value: string[]; onChange(value: string[]): void; error?: string }) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  return (
    <CheckboxGroup
      id={props.id}
      value={props.value}
      onChange={props.onChange}
      isInvalid={!!props.error}
      className="utrecht-form-field admin-checkboxes"
    >
      <Label className="utrecht-form-label">{m.roles}</Label>
      <div className="admin-checkbox-columns">
        {ADMIN_ROLES.map((role) => (
          <Checkbox key={role} value={role} className="checkbox">
            {s.roles[role]}
          </Checkbox>
        ))}
      </div>
      {props.error && <p className="utrecht-form-field-error-message">{props.error}</p>}
    </CheckboxGroup>
  );
}

function EditEmployeeForm(props: {
  employee: AdminEmployee;
  topics: readonly AdminTopic[];
  onDone(message: string): void;
}) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const queryClient = useQueryClient();
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useFormErrors();
  const { employee } = props;
  const [roles, setRoles] = useState(employee.roles.filter((r) => r !== "system"));
  const [skills, setSkills] = useState(employee.skillTopicIds);
  const [languages, setLanguages] = useState(employee.languages.join(", "));

  const save = useMutation({
    mutationFn: (body: AdminEmployeeChanges) =>
      api<AdminEmployee>(`/admin/employees/${employee.id}`, { method: "PUT", body }),
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["admin"] });
      props.onDone(m.saved(saved.name));
    },
    onError: (error) =>
      form.failWith(error, {
        roles: "employee-roles",
        skillTopicIds: "employee-skills",
        languages: "employee-languages",
      }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const codes = parseLanguages(languages);
    const missing = [
      ...(roles.length === 0 ? [{ field: "employee-roles", message: s.required(m.rolesField) }] : []),
      ...(codes.length === 0 ? [{ field: "employee-languages", message: s.required(m.languagesField) }] : []),
    ];
    if (missing.length > 0) return form.fail(missing);
    save.mutate({ roles, skillTopicIds: skills, languages: codes });
  };

  return (
    <section className="admin-form-section" aria-labelledby="employee-edit-title">
      <h2 id="employee-edit-title" ref={heading} tabIndex={-1} className="utrecht-heading-2">
        {m.editTitle(employee.name)}
      </h2>
      <FormErrorSummary form={form} />
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form admin-form">
        <RolePicker
          id="employee-roles"
          value={roles}
          onChange={setRoles}
          error={form.errorFor("employee-roles")}
        />
        <TopicPicker
          id="employee-skills"
          label={m.skills}
          description={m.skillsHelp}
          topics={props.topics}
          value={skills}
          onChange={setSkills}
          error={form.errorFor("employee-skills")}
        />
        <AdminTextField
          id="employee-languages"
          label={m.languages}
          description={m.languagesHelp}
          name="languages"
          value={languages}
          onChange={setLanguages}
          error={form.errorFor("employee-languages")}
        />
        <SaveButtons isPending={save.isPending} submitLabel={s.save} onCancel={() => props.onDone("")} />
      </Form>
    </section>
  );
}

function AddEmployeeForm() {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const queryClient = useQueryClient();
  const form = useFormErrors();
  const [roles, setRoles] = useState<string[]>(["agent"]);
  const [added, setAdded] = useState<AddedEmployee | null>(null);

  const add = useMutation({
    mutationFn: (body: { name: string; email: string; roles: string[] }) =>
      api<AddedEmployee>("/admin/employees", { method: "POST", body }),
    onSuccess: async (result) => {
      form.clear();
      setAdded(result);
      await queryClient.invalidateQueries({ queryKey: ["admin", "employees"] });
    },
    onError: (error) =>
      form.failWith(error, { name: "employee-name", email: "employee-email", roles: "employee-new-roles" }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get("name") ?? "").trim();
    const email = String(data.get("email") ?? "").trim();
    const missing = [
      ...(name ? [] : [{ field: "employee-name", message: s.required(m.nameField) }]),
      ...(email ? [] : [{ field: "employee-email", message: s.required(m.emailField) }]),
      ...(roles.length > 0 ? [] : [{ field: "employee-new-roles", message: s.required(m.rolesField) }]),
    ];
    if (missing.length > 0) return form.fail(missing);
    setAdded(null);
    add.mutate({ name, email, roles });
  };

  return (
    <section className="admin-form-section" aria-labelledby="employee-new-title">
      <h2 id="employee-new-title" className="utrecht-heading-2">
        {m.newEmployee}
      </h2>
      <FormErrorSummary form={form} />
      <div role="status" aria-live="polite">
        {added && (
          <div className="utrecht-alert utrecht-alert--ok admin-once">
            <p className="utrecht-paragraph">
              <strong>{m.added(added.email)}</strong> {m.onceTitle}. {m.onceText}
            </p>
            <dl>
              <dt>{m.password}</dt>
              <dd>
                <code>{added.password}</code>
              </dd>
              {added.totpSecret && (
                <>
                  <dt>{m.totp}</dt>
                  <dd>
                    <code>{added.totpSecret}</code>
                  </dd>
                </>
              )}
            </dl>
          </div>
        )}
      </div>
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form admin-form">
        <AdminTextField
          id="employee-name"
          label={m.name}
          name="name"
          autoComplete="off"
          isRequired
          error={form.errorFor("employee-name")}
        />
        <AdminTextField
          id="employee-email"
          label={m.email}
          name="email"
          type="email"
          autoComplete="off"
          isRequired
          error={form.errorFor("employee-email")}
        />
        <RolePicker
          id="employee-new-roles"
          value={roles}
          onChange={setRoles}
          error={form.errorFor("employee-new-roles")}
        />
        <Button
          type="submit"
          isDisabled={add.isPending}
          className="utrecht-button utrecht-button--primary-action"
        >
          {add.isPending ? s.saving : m.add}
        </Button>
      </Form>
    </section>
  );
}
