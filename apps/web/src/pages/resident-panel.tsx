/** The resident behind the question: identity, representatives, preferences, open work. */
export function ResidentPanel(_props: { partyId: string }) {
  return null;
}
