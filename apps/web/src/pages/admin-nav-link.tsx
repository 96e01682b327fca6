import { Link } from "@tanstack/react-router";
import { useMessages } from "../i18n";

export const messages = { nl: { admin: "Beheer" }, en: { admin: "Administration" } };

/** The main menu's link to the admin pages; the layout shows it to admins only. */
export function AdminNavLink() {
  const m = useMessages(messages);
  return (
    <Link to="/beheer" className="utrecht-link werkplek-nav-link" activeProps={{ "aria-current": "page" }}>
      {m.admin}
    </Link>
  );
}
