import { useMutation, useQueryClient } from "@tanstack/react-query";
import { type FormEvent, useState } from "react";
import { Checkbox, CheckboxGroup, Form, Label } from "react-aria-components";
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
import type { AdminEmployee, AdminTeam, AdminTeamInput, AdminTopic, Items } from "./admin-types";

export const messages = {
  nl: {
    title: "Teams",
    intro:
      "Een team krijgt de vragen over zijn onderwerpen. Het algemene team krijgt vragen waarvan het onderwerp nog niet bekend is.",
    listCaption: "Teams van uw gemeente",
    name: "Naam",
    general: "Algemeen team",
    generalHelp: "Krijgt vragen waarvan het onderwerp nog niet bekend is.",
    members: "Leden",
    memberCount: (n: number) => (n === 1 ? "1 lid" : `${n} leden`),
    newTeam: "Nieuw team",
    create: "Team toevoegen",
    editTitle: (name: string) => `Team ${name} bewerken`,
    editLabel: (name: string) => `Team ${name} bewerken`,
    topicsHelp: "De vragen over deze onderwerpen gaan naar dit team.",
    membersLabel: "Wie zit in dit team?",
    created: (name: string) => `Team ${name} is toegevoegd.`,
    saved: (name: string) => `Team ${name} is opgeslagen.`,
    nameField: "de naam",
    noTeams: "Er zijn nog geen teams.",
  },
  en: {
    title: "Teams",
    intro:
      "A team receives the questions about its topics. The general team receives questions whose topic is not known yet.",
    listCaption: "Your municipality's teams",
    name: "Name",
    general: "General team",
    generalHelp: "Receives questions whose topic is not known yet.",
    members: "Members",
    memberCount: (n: number) => (n === 1 ? "1 member" : `${n} members`),
    newTeam: "New team",
    create: "Add team",
    editTitle: (name: string) => `Edit team ${name}`,
    editLabel: (name: string) => `Edit team ${name}`,
    topicsHelp: "Questions about these topics go to this team.",
    membersLabel: "Who is in this team?",
    created: (name: string) => `Team ${name} has been added.`,
    saved: (name: string) => `Team ${name} has been saved.`,
    nameField: "the name",
    noTeams: "There are no teams yet.",
  },
};

/** Admins: the teams with their topics and members; add a team, or edit one below the list. */
export function AdminTeamsPage() {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const teams = useAdminQuery<Items<AdminTeam>>(["teams"], "/admin/teams");
  const employees = useAdminQuery<Items<AdminEmployee>>(["employees"], "/admin/employees");
  const topics = useTopics();
  const [editing, setEditing] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const items = teams.data?.items ?? [];
  const team = items.find((t) => t.id === editing);

  return (
    <AdminPage title={m.title} intro={m.intro}>
      <StatusMessage message={status} />
      <QueryState isPending={teams.isPending} error={teams.error ?? topics.error} />
      {teams.isSuccess && items.length === 0 && <p className="utrecht-paragraph">{m.noTeams}</p>}
      {items.length > 0 && (
        <AdminTable
          caption={m.listCaption}
          columns={[m.name, s.topics, m.general, m.members]}
          actionColumn={s.edit}
        >
          {items.map((t) => (
            <tr key={t.id} className="utrecht-table__row" data-testid="admin-team">
              <th scope="row" className="utrecht-table__cell">
                {t.name}
              </th>
              <td className="utrecht-table__cell">
                <TopicNames ids={t.topicIds} topics={topics.data?.topics} none={s.noTopics} />
              </td>
              <td className="utrecht-table__cell">{t.isGeneral ? s.yes : s.no}</td>
              <td className="utrecht-table__cell">{m.memberCount(t.memberIds.length)}</td>
              <td className="utrecht-table__cell">
                <EditButton
                  label={m.editLabel(t.name)}
                  onPress={() => {
                    setStatus(null);
                    setEditing(t.id);
                  }}
                />
              </td>
            </tr>
          ))}
        </AdminTable>
      )}
      {topics.data && team && (
        <TeamForm
          key={team.id}
          team={team}
          topics={topics.data.topics}
          employees={employees.data?.items ?? []}
          onDone={(message) => {
            setEditing(null);
            setStatus(message);
          }}
        />
      )}
      {topics.data && !team && (
        <TeamForm topics={topics.data.topics} employees={[]} onDone={(message) => setStatus(message)} />
      )}
    </AdminPage>
  );
}

function TeamForm(props: {
  team?: AdminTeam;
  topics: readonly AdminTopic[];
  employees: readonly AdminEmployee[];
  onDone(message: string): void;
}) {
  const m = useMessages(messages);
  const s = useMessages(shared);
  const queryClient = useQueryClient();
  const { team } = props;
  const heading = useFocusOnMount<HTMLHeadingElement>();
  const form = useFormErrors();
  const [name, setName] = useState(team?.name ?? "");
  const [topicIds, setTopicIds] = useState<string[]>(team?.topicIds ?? []);
  const [isGeneral, setGeneral] = useState(team?.isGeneral ?? false);
  const [memberIds, setMemberIds] = useState<string[]>(team?.memberIds ?? []);
  const prefix = team ? "team-edit" : "team-new";

  const save = useMutation({
    mutationFn: async (input: AdminTeamInput) => {
      if (!team) return api<AdminTeam>("/admin/teams", { method: "POST", body: input });
      const saved = await api<AdminTeam>(`/admin/teams/${team.id}`, { method: "PUT", body: input });
      const added = memberIds.filter((id) => !team.memberIds.includes(id));
      const removed = team.memberIds.filter((id) => !memberIds.includes(id));
      for (const id of added) await api(`/admin/teams/${team.id}/members/${id}`, { method: "PUT", body: {} });
      for (const id of removed) await api(`/admin/teams/${team.id}/members/${id}`, { method: "DELETE" });
      return saved;
    },
    onSuccess: async (saved) => {
      await queryClient.invalidateQueries({ queryKey: ["admin"] });
      if (!team) {
        setName("");
        setTopicIds([]);
        setGeneral(false);
      }
      form.clear();
      props.onDone(team ? m.saved(saved.name) : m.created(saved.name));
    },
    onError: (error) =>
      form.failWith(error, {
        name: `${prefix}-name`,
        topicIds: `${prefix}-topics`,
        isGeneral: `${prefix}-general`,
      }),
  });

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (name.trim().length === 0)
      return form.fail([{ field: `${prefix}-name`, message: s.required(m.nameField) }]);
    save.mutate({ name: name.trim(), topicIds, isGeneral });
  };

  return (
    <section className="admin-form-section" aria-labelledby={`${prefix}-title`}>
      <h2 id={`${prefix}-title`} ref={team ? heading : undefined} tabIndex={-1} className="utrecht-heading-2">
        {team ? m.editTitle(team.name) : m.newTeam}
      </h2>
      <FormErrorSummary form={form} />
      <Form onSubmit={submit} validationBehavior="aria" className="werkplek-form admin-form">
        <AdminTextField
          id={`${prefix}-name`}
          label={m.name}
          name="name"
          value={name}
          onChange={setName}
          isRequired
          error={form.errorFor(`${prefix}-name`)}
        />
        <TopicPicker
          id={`${prefix}-topics`}
          label={s.topics}
          description={m.topicsHelp}
          topics={props.topics}
          value={topicIds}
          onChange={setTopicIds}
          error={form.errorFor(`${prefix}-topics`)}
        />
        <Checkbox id={`${prefix}-general`} isSelected={isGeneral} onChange={setGeneral} className="checkbox">
          {m.general} <span className="admin-hint">({m.generalHelp})</span>
        </Checkbox>
        {team && (
          <CheckboxGroup
            value={memberIds}
            onChange={setMemberIds}
            className="utrecht-form-field admin-checkboxes"
          >
            <Label className="utrecht-form-label">{m.membersLabel}</Label>
            <div className="admin-checkbox-columns">
              {props.employees.map((employee) => (
                <Checkbox key={employee.id} value={employee.id} className="checkbox">
                  {employee.name}
                </Checkbox>
              ))}
            </div>
          </CheckboxGroup>
        )}
        <SaveButtons
          isPending={save.isPending}
          submitLabel={team ? s.save : m.create}
          onCancel={team ? () => props.onDone("") : undefined}
        />
      </Form>
    </section>
  );
}
